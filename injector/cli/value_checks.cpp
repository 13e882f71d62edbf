// value_checks.cpp — see value_checks.h.
#include "injector/cli/value_checks.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <limits>

namespace sc::cli {

namespace {

std::string refusal(const std::string& expected, const std::string& text) {
  return fmt::format("expected {}, got '{}'", expected, text);
}

std::string whole_range(std::uint64_t min, std::uint64_t max) {
  if (max == std::numeric_limits<std::uint64_t>::max())
    return min == 0 ? "a whole number from 0 to 2^64-1" : fmt::format("a whole number from {} to 2^64-1", min);
  return fmt::format("a whole number from {} to {}", min, max);
}

std::optional<double> parse_number(const std::string& text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [at, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || at != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::uint64_t> parse_whole_number(std::string_view text) {
  const bool hex = text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
  const std::string_view digits = hex ? text.substr(2) : text;
  std::uint64_t value = 0;
  const char* end = digits.data() + digits.size();
  const auto [at, ec] = std::from_chars(digits.data(), end, value, hex ? 16 : 10);
  if (digits.empty() || ec != std::errc{} || at != end) return std::nullopt;
  return value;
}

CLI::Validator whole_number(std::uint64_t min, std::uint64_t max) {
  const std::string expected = whole_range(min, max);
  return CLI::Validator(
      [min, max, expected](std::string& text) {
        const auto value = parse_whole_number(text);
        if (!value || *value < min || *value > max) return refusal(expected, text);
        text = std::to_string(*value);
        return std::string();
      },
      "");
}

CLI::Validator number(double min, double max) {
  const std::string expected = fmt::format("a number from {} to {}", min, max);
  return CLI::Validator(
      [min, max, expected](std::string& text) {
        const auto value = parse_number(text);
        if (!value || *value < min || *value > max) return refusal(expected, text);
        return std::string();
      },
      "");
}

CLI::Validator one_of(std::vector<std::string> names) {
  const std::string expected = fmt::format("one of {}", fmt::join(names, ", "));
  return CLI::Validator(
      [names = std::move(names), expected](std::string& text) {
        for (const auto& n : names)
          if (text == n) return std::string();
        return refusal(expected, text);
      },
      "");
}

}  // namespace sc::cli

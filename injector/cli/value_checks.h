// value_checks.h — the checks of flag values, in the tool's own words, for
// every flag of every command (CLI11's own read "Could not convert: --seed =
// abc" or "Value 0.05 not in range 0.100000 to 3600.000000", and CLI11 reads
// --seed -1 or 2^64 as 2^64-1). Each is a CLI11 Validator; it runs before
// CLI11 converts the text, and a refusal reads
// "--FLAG: expected <what>, got 'TEXT'" (CLI11 puts the flag first), exit 2.
// Interface:
//   whole_number(min, max): decimal digits, or 0x and hex digits, with
//     min <= value <= max exactly (no sign, no fraction, nothing clamped);
//     the text is rewritten to plain decimal for CLI11 (which would read a
//     leading 0 as octal);
//   number(min, max): a finite decimal number with min <= value <= max;
//   one_of(names): one of the names;
//   parse_whole_number(text): the value whole_number accepts, or nullopt.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace sc::cli {

std::optional<std::uint64_t> parse_whole_number(std::string_view text);

CLI::Validator whole_number(std::uint64_t min, std::uint64_t max);
CLI::Validator number(double min, double max);
CLI::Validator one_of(std::vector<std::string> names);

}  // namespace sc::cli

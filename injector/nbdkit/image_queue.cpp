// image_queue.cpp — see image_queue.h.
#include "injector/nbdkit/image_queue.h"

#include <cstdio>
#include <filesystem>
#include <system_error>

#include "injector/crash/whole_file.h"

namespace sc::nbd {

namespace {

// n if `name` is "<stem name>.<n>" (digits only after the dot), else nullopt.
std::optional<uint64_t> queued_number(const std::string& stem_name, const std::string& name) {
  if (name.size() <= stem_name.size() + 1 || name.compare(0, stem_name.size(), stem_name) != 0 ||
      name[stem_name.size()] != '.')
    return std::nullopt;
  const std::string digits = name.substr(stem_name.size() + 1);
  if (digits.size() > 19 || digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoull(digits);
}

}  // namespace

std::string queued_image_path(const std::string& stem, uint64_t n) { return stem + "." + std::to_string(n); }

std::string queued_faults_path(const std::string& stem, uint64_t n) { return queued_image_path(stem, n) + ".faults"; }

std::string queued_order_path(const std::string& stem, uint64_t n) { return queued_image_path(stem, n) + ".order"; }

void stage_image(const std::string& stem, uint64_t n, std::span<const uint8_t> image,
                 std::span<const uint64_t> read_errors, std::span<const std::string> order) {
  if (!read_errors.empty()) {
    std::string text;
    for (const uint64_t sector : read_errors) text += std::to_string(sector) + "\n";
    crash::write_whole_file(queued_faults_path(stem, n), text.data(), text.size());
  }
  if (!order.empty()) {
    std::string text;
    for (const std::string& setting : order) text += setting + "\n";
    crash::write_whole_file(queued_order_path(stem, n), text.data(), text.size());
  }
  crash::write_whole_file(queued_image_path(stem, n), image.data(), image.size());
}

bool withdraw_image(const std::string& stem, uint64_t n) {
  std::error_code ignored;
  if (!std::filesystem::remove(queued_image_path(stem, n), ignored)) return false;
  std::filesystem::remove(queued_faults_path(stem, n), ignored);
  std::filesystem::remove(queued_order_path(stem, n), ignored);
  return true;
}

std::optional<uint64_t> lowest_queued(const std::string& stem) {
  const std::filesystem::path path(stem);
  const std::string stem_name = path.filename().string();
  std::error_code ec;
  std::optional<uint64_t> lowest;
  for (std::filesystem::directory_iterator it(path.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::optional<uint64_t> n = queued_number(stem_name, it->path().filename().string());
    if (n && (!lowest || *n < *lowest)) lowest = n;
  }
  return lowest;
}

std::optional<std::string> claim_image(const std::string& stem, uint64_t n) {
  const std::string taken = queued_image_path(stem, n) + ".taken";
  if (std::rename(queued_image_path(stem, n).c_str(), taken.c_str()) != 0) return std::nullopt;
  return taken;
}

}  // namespace sc::nbd

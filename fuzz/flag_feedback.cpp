// flag_feedback.cpp — see flag_feedback.h. The section bounds are weak, so a
// binary without flags sees an empty section.
#include "fuzz/flag_feedback.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

extern "C" {
extern bool __start___sancov_bools[] __attribute__((weak));
extern bool __stop___sancov_bools[] __attribute__((weak));
}

namespace sc::fuzz {

namespace {

constexpr size_t kExtraCounters = size_t{1} << 14;
__attribute__((section("__libfuzzer_extra_counters"), used)) uint8_t extra_counters[kExtraCounters];

size_t flag_count() {
  if (__start___sancov_bools == nullptr) return 0;
  return static_cast<size_t>(__stop___sancov_bools - __start___sancov_bools);
}

}  // namespace

void before_input() {
  if (const size_t n = flag_count(); n != 0) std::memset(__start___sancov_bools, 0, n);
}

// Eight flags at a time: most edges are not reached by one input, and a
// zero word skips eight of them with one test.
void after_input() {
  const size_t n = flag_count();
  const auto* flags = reinterpret_cast<const unsigned char*>(__start___sancov_bools);
  for (size_t i = 0; i < n; i += 8) {
    const size_t end = std::min(i + 8, n);
    uint64_t word = 0;
    std::memcpy(&word, flags + i, end - i);
    if (word == 0) continue;
    for (size_t j = i; j < end; ++j)
      if (flags[j]) extra_counters[j % kExtraCounters] = 1;
  }
}

}  // namespace sc::fuzz

// flag_feedback.cpp — see flag_feedback.h. The section bounds are weak, so a
// binary without flags sees an empty section.
#include "fuzz/flag_feedback.h"

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

void after_input() {
  const size_t n = flag_count();
  for (size_t i = 0; i < n; ++i)
    if (__start___sancov_bools[i]) extra_counters[i % kExtraCounters] = 1;
}

}  // namespace sc::fuzz

// counters.cpp — see counters.h. The linker bounds each SanitizerCoverage
// section with __start_/__stop_ symbols; they are weak so a build without
// instrumented code links and sees empty sections. The hooks the module
// constructors of instrumented code call are in sancov_hooks.cpp.
#include "injector/coverage/counters.h"

#include <algorithm>

extern "C" {
extern uint8_t __start___sancov_cntrs[] __attribute__((weak));
extern uint8_t __stop___sancov_cntrs[] __attribute__((weak));
extern const uintptr_t __start___sancov_pcs[] __attribute__((weak));
extern const uintptr_t __stop___sancov_pcs[] __attribute__((weak));
}

namespace sc::coverage {

namespace {

// Each pc-table entry is (pc, flags); flags bit 0 marks a function entry.
constexpr size_t kPcWords = 2;

size_t pc_entries() {
  if (__start___sancov_pcs == nullptr) return 0;
  return static_cast<size_t>(__stop___sancov_pcs - __start___sancov_pcs) / kPcWords;
}

size_t counters() {
  if (__start___sancov_cntrs == nullptr) return 0;
  return static_cast<size_t>(__stop___sancov_cntrs - __start___sancov_cntrs);
}

}  // namespace

size_t edge_count() {
  const size_t n = counters();
  return n == pc_entries() ? n : 0;  // a build without pc-table cannot name its edges
}

uintptr_t edge_pc(size_t edge) { return __start___sancov_pcs[edge * kPcWords]; }

bool is_function_entry(size_t edge) { return (__start___sancov_pcs[edge * kPcWords + 1] & 1U) != 0; }

std::vector<uint8_t> counter_values() {
  const size_t n = edge_count();
  const volatile uint8_t* c = __start___sancov_cntrs;
  std::vector<uint8_t> values(n);
  for (size_t i = 0; i < n; ++i) values[i] = c[i];
  return values;
}

void sample_into(std::vector<uint8_t>& bits, const std::vector<uint8_t>& since) {
  const size_t n = std::min({edge_count(), bits.size(), since.size()});
  const volatile uint8_t* c = __start___sancov_cntrs;
  for (size_t i = 0; i < n; ++i)
    if (c[i] != since[i]) bits[i] = 1;
}

}  // namespace sc::coverage

// counters.cpp — see counters.h. The linker bounds each SanitizerCoverage
// section with __start_/__stop_ symbols; they are weak so a build without
// instrumented code links and sees empty sections. The hooks the module
// constructors of instrumented code call are in sancov_hooks.cpp.
#include "injector/coverage/counters.h"

#include <algorithm>

extern "C" {
extern bool __start___sancov_bools[] __attribute__((weak));
extern bool __stop___sancov_bools[] __attribute__((weak));
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

size_t flags() {
  if (__start___sancov_bools == nullptr) return 0;
  return static_cast<size_t>(__stop___sancov_bools - __start___sancov_bools);
}

}  // namespace

size_t edge_count() {
  const size_t n = flags();
  return n == pc_entries() ? n : 0;  // a build without pc-table cannot name its edges
}

uintptr_t edge_pc(size_t edge) { return __start___sancov_pcs[edge * kPcWords]; }

bool is_function_entry(size_t edge) { return (__start___sancov_pcs[edge * kPcWords + 1] & 1U) != 0; }

void clear_flags() {
  volatile bool* f = __start___sancov_bools;
  for (size_t i = 0, n = edge_count(); i < n; ++i) f[i] = false;
}

void sample_into(std::vector<uint8_t>& bits) {
  const size_t n = std::min(edge_count(), bits.size());
  const volatile bool* f = __start___sancov_bools;
  for (size_t i = 0; i < n; ++i)
    if (f[i]) bits[i] = 1;
}

}  // namespace sc::coverage

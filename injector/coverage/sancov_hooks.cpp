// sancov_hooks.cpp — the two module-constructor hooks SanitizerCoverage's
// inline-8bit-counters and pc-table instrumentation calls, as weak no-ops,
// so every binary that links the instrumented kernel core or managers links
// without a sanitizer runtime (release) too. A sanitizer runtime or libFuzzer
// that defines them wins; injector/coverage/counters.cpp reads the counter
// and PC sections directly either way. Linked through
// stablecut_coverage_options (cmake/ProjectOptions.cmake).
#include <cstdint>

extern "C" {
__attribute__((weak)) void __sanitizer_cov_8bit_counters_init(uint8_t*, uint8_t*) {}
__attribute__((weak)) void __sanitizer_cov_pcs_init(const uintptr_t*, const uintptr_t*) {}
}

// sancov_hooks.cpp — the two module-constructor hooks SanitizerCoverage's
// inline-bool-flag and pc-table instrumentation calls, as weak no-ops, so
// every binary that links the instrumented kernel core or managers links
// without a sanitizer runtime (release) too. A sanitizer runtime or libFuzzer
// that defines them wins; injector/coverage/counters.cpp reads the flag and
// PC sections directly either way. Linked through stablecut_coverage_options
// (cmake/ProjectOptions.cmake).
#include <cstdint>

extern "C" {
__attribute__((weak)) void __sanitizer_cov_bool_flag_init(bool*, bool*) {}
__attribute__((weak)) void __sanitizer_cov_pcs_init(const uintptr_t*, const uintptr_t*) {}
}

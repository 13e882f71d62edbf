# Warnings and sanitizers as INTERFACE targets: every project target links
# stablecut_options (warnings + sanitizers), so flags are set in one place.
# Code loaded into programs we do not build (the nbdkit plugin) links only
# stablecut_warnings: a sanitizer runtime cannot be loaded into nbdkit.
add_library(stablecut_warnings INTERFACE)
target_compile_options(stablecut_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(STABLECUT_WERROR)
  target_compile_options(stablecut_warnings INTERFACE -Werror)
endif()
add_library(stablecut_options INTERFACE)
target_link_libraries(stablecut_options INTERFACE stablecut_warnings)
if(STABLECUT_SANITIZE)
  target_compile_options(stablecut_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize=vptr -fno-sanitize-recover=all -fno-omit-frame-pointer)
  # vptr checks need RTTI, which the kernel core and managers are built without.
  target_link_options(stablecut_options INTERFACE -fsanitize=address,undefined -fno-sanitize=vptr)
endif()
# libFuzzer's feedback (edge counters and comparison callbacks) in a fuzz
# build, only on the code the harnesses fuzz: the kernel core, the manager
# programs, the kernel harness, and the workload and trace-file parsers. The
# checker, oracle, results and CLI are not instrumented: their edges told the
# fuzzer nothing about the system under test, and libFuzzer's bookkeeping
# of those extra features was a third of fuzz_protocol's time.
add_library(stablecut_fuzz_options INTERFACE)
if(STABLECUT_FUZZ)
  target_compile_options(stablecut_fuzz_options INTERFACE -fsanitize=fuzzer-no-link)
endif()

# Code whose coverage campaigns measure (the host kernel core and manager
# programs): one bool flag per edge plus the table naming its PC, read by
# injector/coverage/counters.h. inline-bool-flag, not inline-8bit-counters:
# a flag is stored only while it is still false, so threads running the same
# code share its cache lines read-only instead of bouncing every increment
# between cores (campaign --jobs would not scale). No callbacks; libFuzzer
# binaries linking these libraries get their feedback through
# fuzz/flag_feedback.cpp. Builds without debug info (release) get line
# tables, which name each edge (llvm-symbolizer) and change no code.
add_library(stablecut_coverage_options INTERFACE)
if(STABLECUT_COVERAGE)
  target_compile_options(stablecut_coverage_options INTERFACE -fsanitize-coverage=inline-bool-flag,pc-table
                         $<$<NOT:$<CONFIG:Debug,RelWithDebInfo>>:-gline-tables-only>)
  # The instrumentation's module constructors call two hooks that only a
  # sanitizer runtime defines: every binary linking instrumented code gets them.
  add_library(stablecut_sancov_hooks STATIC ${PROJECT_SOURCE_DIR}/injector/coverage/sancov_hooks.cpp)
  target_link_libraries(stablecut_coverage_options INTERFACE stablecut_sancov_hooks)
endif()

# The kernel core is platform-free: no exceptions, no RTTI, no libc heap.
add_library(stablecut_core_options INTERFACE)
target_compile_options(stablecut_core_options INTERFACE -fno-exceptions -fno-rtti)

include(${CMAKE_CURRENT_LIST_DIR}/Ccache.cmake)

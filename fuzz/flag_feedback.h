// flag_feedback.h — gives libFuzzer the edges a run reached in code built
// with SanitizerCoverage bool flags (STABLECUT_COVERAGE: the kernel core and
// managers in the asan and release presets, and then the harnesses too).
// libFuzzer reads only 8-bit counters, and refuses a binary whose PC table
// covers more edges than its counters, so such a build instruments every
// edge with a flag and this bridge copies the flags into libFuzzer's extra
// counters around each input.
//
// Interface: before_input() clears the flags; after_input() marks, in the
// extra counters libFuzzer reads after the input, every edge the input
// reached (edge i folds onto counter i mod the counters' size).
// Invariants: a no-op in a build without flags (the fuzz preset, where
// -fsanitize=fuzzer-no-link gives libFuzzer its own counters).
#pragma once

namespace sc::fuzz {

void before_input();
void after_input();

}  // namespace sc::fuzz

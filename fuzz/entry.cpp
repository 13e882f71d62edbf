// entry.cpp — the libFuzzer (and AFL++ libAFLDriver) entry point of one
// harness: STABLECUT_FUZZ_RUN names the run function (harnesses.h), set per
// target by fuzz/CMakeLists.txt. flag_feedback.h hands libFuzzer the edges
// of code built with coverage flags.
#include <cstddef>
#include <cstdint>

#include "fuzz/flag_feedback.h"
#include "fuzz/harnesses.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sc::fuzz::before_input();
  sc::fuzz::STABLECUT_FUZZ_RUN(sc::fuzz::Bytes(data, size));
  sc::fuzz::after_input();
  return 0;
}

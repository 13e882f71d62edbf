// entry.cpp — the libFuzzer (and AFL++ libAFLDriver) entry point of one
// harness: STABLECUT_FUZZ_RUN names the run function (harnesses.h), set per
// target by fuzz/CMakeLists.txt.
#include <cstddef>
#include <cstdint>

#include "fuzz/harnesses.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sc::fuzz::STABLECUT_FUZZ_RUN(sc::fuzz::Bytes(data, size));
  return 0;
}

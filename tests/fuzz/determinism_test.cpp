// determinism_test.cpp — every harness gives the same digest for the same
// input when run twice in one process with other inputs in between (its
// seed corpus and pseudo-random inputs), so no state leaks from one
// iteration to the next.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/harnesses.h"
#include "kernel/core/prng.h"

namespace sc::fuzz {
namespace {

using Input = std::vector<uint8_t>;
using RunFn = uint64_t (*)(Bytes);

struct Harness {
  const char* name;
  RunFn run;
};

std::vector<Input> inputs_for(const std::string& name) {
  std::vector<Input> inputs;
  const std::filesystem::path dir = std::filesystem::path(STABLECUT_FUZZ_CORPUS) / name;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    inputs.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  Prng prng(7);
  for (int i = 0; i < 16; ++i) {
    Input random(prng.below(200));
    for (auto& b : random) b = static_cast<uint8_t>(prng.next());
    inputs.push_back(random);
  }
  return inputs;
}

class Determinism : public ::testing::TestWithParam<Harness> {};

TEST_P(Determinism, SameInputSameDigestWithOtherInputsBetween) {
  const Harness h = GetParam();
  const std::vector<Input> inputs = inputs_for(h.name);
  std::vector<uint64_t> first;
  for (const Input& in : inputs) first.push_back(h.run(in));
  for (size_t i = inputs.size(); i-- > 0;) EXPECT_EQ(first[i], h.run(inputs[i])) << h.name << " input " << i;
}

INSTANTIATE_TEST_SUITE_P(Harnesses, Determinism,
                         ::testing::Values(Harness{"fuzz_workload_file", run_workload_file},
                                           Harness{"fuzz_trace_file", run_trace_file},
                                           Harness{"fuzz_recovery_image", run_recovery_image},
                                           Harness{"fuzz_syscalls", run_syscalls},
                                           Harness{"fuzz_protocol", run_protocol}),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace sc::fuzz

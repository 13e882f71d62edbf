// protocol_reuse_test.cpp — fuzz_protocol reuses its recovering checker
// across inputs (fuzz/checker_pool.h); these tests prove that gives every
// input the verdict a fresh checker gives it: for the seed corpus, its
// regressions and seeded pseudo-random inputs, run in one process so the
// pooled checkers serve many workloads, run_protocol's digest (trace length,
// image fingerprint, whole verdict) equals the digest of the same input
// recorded, cut and recovered from scratch.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "fuzz/byte_reader.h"
#include "fuzz/checker_pool.h"
#include "fuzz/harnesses.h"
#include "fuzz/protocol_decoder.h"
#include "fuzz/protocol_digest.h"
#include "injector/crash/crash_image.h"
#include "injector/inproc/inproc_checker.h"
#include "injector/inproc/recording.h"
#include "injector/oracle/legal_window.h"
#include "kernel/core/prng.h"

namespace sc::fuzz {
namespace {

using Input = std::vector<uint8_t>;

void add_files(const std::filesystem::path& dir, std::vector<Input>* inputs) {
  if (!std::filesystem::is_directory(dir)) return;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    inputs->emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
}

std::vector<Input> protocol_inputs() {
  const std::filesystem::path corpus = std::filesystem::path(STABLECUT_FUZZ_CORPUS) / "fuzz_protocol";
  std::vector<Input> inputs;
  add_files(corpus, &inputs);
  add_files(corpus / "regressions", &inputs);
  Prng prng(11);
  for (int i = 0; i < 48; ++i) {
    Input random(8 + prng.below(120));
    for (auto& b : random) b = static_cast<uint8_t>(prng.next());
    inputs.push_back(random);
  }
  return inputs;
}

// The harness's pipeline with nothing reused: a new checker for the input.
uint64_t fresh_digest(const Input& input) {
  ByteReader in(input);
  const Workload w = decode_workload(in, self_managing_programs());
  const Recording rec = record_inproc(w, SeededBugs{});
  const crash::CrashState state = decode_crash_state(in, rec.trace);
  const crash::CrashImage image = crash::build_crash_image(rec.trace, state);
  InprocChecker checker(w, SeededBugs{});
  const Recovered recovered = checker.recover(image.view(), {});
  const Verdict v = classify(w, rec.history, legal_window(rec.spans, state.cut), recovered);
  return protocol_digest(rec.trace.requests().size(), image.view().fingerprint(), v);
}

TEST(ProtocolReuse, PooledCheckerGivesTheVerdictOfAFreshOne) {
  const std::vector<Input> inputs = protocol_inputs();
  std::set<std::string> configs;
  for (size_t i = 0; i < inputs.size(); ++i) {
    ByteReader in(inputs[i]);
    configs.insert(manager_config_key(decode_workload(in, self_managing_programs()), SeededBugs{}));
    EXPECT_EQ(fresh_digest(inputs[i]), run_protocol(inputs[i])) << "fuzz_protocol input " << i;
  }
  EXPECT_GE(configs.size(), 2u) << "the inputs should exercise more than one pooled checker";
}

TEST(ProtocolReuse, ConfigKeySeparatesProgramsAndBugs) {
  const Input second_program{1, 1, 0};
  const Input first_program{1, 0, 0};
  ByteReader a(second_program);
  ByteReader b(first_program);
  const std::vector<std::string> programs = self_managing_programs();
  ASSERT_GE(programs.size(), 2u);
  const Workload wa = decode_workload(a, programs);
  const Workload wb = decode_workload(b, programs);
  ASSERT_NE(wa.managers[0].program, wb.managers[0].program);
  EXPECT_NE(manager_config_key(wa, SeededBugs{}), manager_config_key(wb, SeededBugs{}));
  EXPECT_EQ(manager_config_key(wa, SeededBugs{}), manager_config_key(wa, SeededBugs{}));
  SeededBugs bugs;
  bugs.programs[wa.managers[0].program] = 1;
  EXPECT_NE(manager_config_key(wa, SeededBugs{}), manager_config_key(wa, bugs));
}

}  // namespace
}  // namespace sc::fuzz

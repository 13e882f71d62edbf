// fault_found_test.cpp — the correct managers under every storage-fault
// mode in-process, through the real pipeline (record, explore, judge): no
// illegal outcome (in particular no corrupt: a clean refusal is `detected`)
// on corpus workloads of every shipped self-managing manager, alone and
// together, and every mode's states are tallied under its kind. (That each
// seeded bug with fault modes is found by them and not by power cuts is
// fault_bug_test.cpp, driven by the registry.)
#include <gtest/gtest.h>

#include "tests/zoo/zoo_explore.h"

namespace sc::zoo {
namespace {

using crash::Mode;

uint64_t count_of(const ExploreResult& r, Mode kind) {
  uint64_t n = 0;
  for (const auto& by_phase : r.counts)
    for (const auto& by_kind : by_phase) n += by_kind[static_cast<size_t>(kind)];
  return n;
}

uint64_t outcome_count(const ExploreResult& r, Outcome o) {
  uint64_t n = 0;
  for (const auto& by_kind : r.counts[static_cast<size_t>(o)])
    for (uint64_t c : by_kind) n += c;
  return n;
}

class CorrectUnderFaults : public ::testing::TestWithParam<const char*> {};

constexpr Mode kFaultModes[] = {Mode::lying_flush, Mode::misdirected, Mode::lost_write, Mode::bit_rot,
                                 Mode::read_error,   Mode::io_error,    Mode::sub_sector_tear};

TEST_P(CorrectUnderFaults, NoIllegalOutcomeUnderAnyFaultMode) {
  crash::ModeSet all;
  for (const Mode m : kFaultModes) all.set(static_cast<size_t>(m));
  const ExploreResult r = explore(corpus(GetParam()), "", all, 8000);
  for (const Mode m : kFaultModes) EXPECT_GT(count_of(r, m), 0u) << crash::mode_name(m);
  EXPECT_EQ(outcome_count(r, Outcome::corrupt), 0u);
  EXPECT_EQ(r.illegal, 0u) << (r.failures.empty() ? "" : r.failures.front().signature + ": " + r.failures.front().verdict.reason);
  EXPECT_TRUE(r.run_findings.empty()) << r.run_findings.front();
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorrectUnderFaults,
                         ::testing::Values("basic", "crash_cycles", "journal_basic", "two_managers_cut", "hierarchy",
                                           "journal_with_shadow"));

}  // namespace
}  // namespace sc::zoo

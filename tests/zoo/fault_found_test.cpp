// fault_found_test.cpp — the I/O-error fault classes in-process, through the
// real pipeline (record, explore, judge):
//  - each seeded bug of an I/O error path is found by its own fault mode and
//    not by the power-cut modes (prefix, reorder, torn), where the disk never
//    fails a request: shadow-ignore-flush-error by io-error (a failed flush
//    reported stable is lost at a later cut), shadow-zero-unreadable by
//    read-error (an unreadable block returned as zeros);
//  - the correct managers give no illegal outcome (in particular no corrupt)
//    under read-error and io-error on corpus workloads of every shipped
//    self-managing manager, and the fault states are tallied under their kind.
#include <gtest/gtest.h>

#include <ostream>

#include "tests/support/param_name.h"
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

struct FaultBug {
  const char* bug;
  const char* workload;
  Mode mode;
};

void PrintTo(const FaultBug& c, std::ostream* out) { *out << c.bug << " on " << c.workload; }

class FaultBugTest : public ::testing::TestWithParam<FaultBug> {};

TEST_P(FaultBugTest, FoundByItsFaultMode) {
  const ExploreResult r = explore(corpus(GetParam().workload), GetParam().bug, crash::only(GetParam().mode));
  EXPECT_GT(r.illegal, 0u) << GetParam().bug << " was not found on " << GetParam().workload;
  EXPECT_TRUE(r.run_findings.empty()) << r.run_findings.front();
  ASSERT_FALSE(r.failures.empty());
  EXPECT_EQ(r.failures.front().state.kind, GetParam().mode);
  ASSERT_EQ(r.failures.front().state.faults.size(), 1u);
  EXPECT_EQ(r.failures.front().state.faults.front().kind, GetParam().mode);
}

TEST_P(FaultBugTest, NotFoundByThePowerCutModes) {
  const ExploreResult r = explore(corpus(GetParam().workload), GetParam().bug, crash::power_cut_modes(), 4000);
  EXPECT_GT(r.states, 0u);
  EXPECT_EQ(r.illegal, 0u) << (r.failures.empty() ? "" : r.failures.front().signature);
}

INSTANTIATE_TEST_SUITE_P(Bugs, FaultBugTest,
                         ::testing::Values(FaultBug{"shadow-ignore-flush-error", "basic", Mode::io_error},
                                           FaultBug{"shadow-zero-unreadable", "basic", Mode::read_error}),
                         sc::test::named_by_bug);

class CorrectUnderFaults : public ::testing::TestWithParam<const char*> {};

TEST_P(CorrectUnderFaults, NoIllegalOutcomeUnderReadErrorAndIoError) {
  const ExploreResult r = explore(corpus(GetParam()), "", modes({Mode::read_error, Mode::io_error}), 6000);
  EXPECT_GT(count_of(r, Mode::read_error), 0u);
  EXPECT_GT(count_of(r, Mode::io_error), 0u);
  EXPECT_EQ(outcome_count(r, Outcome::corrupt), 0u);
  EXPECT_EQ(r.illegal, 0u) << (r.failures.empty() ? "" : r.failures.front().signature + ": " + r.failures.front().verdict.reason);
  EXPECT_TRUE(r.run_findings.empty()) << r.run_findings.front();
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorrectUnderFaults,
                         ::testing::Values("basic", "crash_cycles", "journal_basic", "two_managers_cut", "hierarchy",
                                           "journal_with_shadow"));

}  // namespace
}  // namespace sc::zoo

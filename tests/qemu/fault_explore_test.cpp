// fault_explore_test.cpp — storage-fault modes explored under QEMU through
// the QEMU Tier (make_tier), as `stablecut run --tier qemu --modes M` does
// (mostly the classes that are not images of one trace):
//  * with the correct managers, read-error and io-error states are checked by
//    real reboots (each kind gets states of its own, also beside the power-cut
//    modes: the budget is shared) and every one is legal;
//  * the planted mistakes of those modes (shadow-zero-unreadable,
//    shadow-ignore-flush-error) are found by the QEMU tier's own checks, and
//    so is journal-skip-by-sector-heads, which only a sub-sector tear (an
//    image fault: a sector keeping its new head and its old rest) shows;
//  * a QEMU record run whose request fails, on a workload with crash steps,
//    agrees with the reference model (failed attempts, and a failed attempt
//    that a crash step recovered, are no findings).
#include <gtest/gtest.h>

#include "injector/check/io_error_explore.h"
#include "injector/common/seeded_bugs.h"
#include "injector/tier/tier.h"
#include "tests/qemu/tier_fixture.h"

namespace sc::qemu::test {
namespace {

std::unique_ptr<tier::Tier> qemu_tier() {
  tier::TierSpec spec;
  spec.kind = tier::Kind::qemu;
  return tier::make_tier(spec);
}

ExploreOptions options_for(std::initializer_list<crash::Mode> modes, uint64_t max_states) {
  ExploreOptions options;
  options.enumerate.modes.reset();
  for (crash::Mode m : modes) options.enumerate.modes.set(static_cast<size_t>(m));
  options.enumerate.seed = 1;
  options.max_states = max_states;
  return options;
}

uint64_t states_of_kind(const ExploreResult& r, crash::Mode kind) {
  uint64_t n = 0;
  for (const auto& by_phase : r.counts)
    for (const auto& by_kind : by_phase) n += by_kind[static_cast<size_t>(kind)];
  return n;
}

TEST(QemuFaultExplore, ReadErrorAndIoErrorStatesOfTheCorrectManagerAreAllLegal) {
  const Workload w = corpus("basic");
  const auto tier = qemu_tier();
  const Recording rec = tier->record(w, {});
  const auto options = options_for({crash::Mode::prefix, crash::Mode::read_error, crash::Mode::io_error}, 36);
  const ExploreResult r = tier->explore(w, {}, rec, options);
  EXPECT_GT(states_of_kind(r, crash::Mode::prefix), 0u);
  EXPECT_GT(states_of_kind(r, crash::Mode::read_error), 0u);
  EXPECT_GT(states_of_kind(r, crash::Mode::io_error), 0u) << "io-error got no share of the budget";
  EXPECT_LE(r.states, 36u);
  EXPECT_EQ(r.illegal, 0u) << (r.failures.empty() ? "" : r.failures[0].verdict.reason);
  EXPECT_TRUE(r.run_findings.empty()) << r.run_findings[0];
}

struct FaultBug {
  const char* bug;
  crash::Mode mode;
  const char* workload;
};

void PrintTo(const FaultBug& b, std::ostream* out) { *out << b.bug; }

class QemuFaultBug : public ::testing::TestWithParam<FaultBug> {};

TEST_P(QemuFaultBug, IsFoundByRealReboots) {
  const Workload w = corpus(GetParam().workload);
  SeededBugs bugs;
  enable_seeded_bug(&bugs, GetParam().bug);
  const auto tier = qemu_tier();
  const Recording rec = tier->record(w, bugs);
  const ExploreResult r = tier->explore(w, bugs, rec, options_for({GetParam().mode}, 40));
  EXPECT_GT(r.illegal, 0u) << GetParam().bug << " not found in " << r.states << " states";
  for (const StateFailure& f : r.failures) EXPECT_EQ(f.state.kind, GetParam().mode);
}

INSTANTIATE_TEST_SUITE_P(Bugs, QemuFaultBug,
                         ::testing::Values(FaultBug{"shadow-zero-unreadable", crash::Mode::read_error, "basic"},
                                           FaultBug{"shadow-ignore-flush-error", crash::Mode::io_error, "basic"},
                                           FaultBug{"journal-skip-by-sector-heads", crash::Mode::sub_sector_tear,
                                                    "journal_basic"}));

TEST(QemuFaultRecord, AFailedRequestBeforeACrashStepIsNoFinding) {
  const Workload w = corpus("crash_cycles");
  const auto tier = qemu_tier();
  const Recording clean = tier->record(w, {});
  ASSERT_TRUE(clean.findings.empty()) << clean.findings[0];
  size_t failed_attempts = 0;
  for (const crash::Fault& fault : draw_io_errors(clean.trace, clean.spans, 3)) {
    const Recording rec = tier->record(w, {}, fault);
    EXPECT_TRUE(rec.findings.empty()) << "request " << fault.request << " failing: " << rec.findings[0];
    for (const StabilisationSpan& s : rec.spans) failed_attempts += s.failed ? 1 : 0;
  }
  EXPECT_GT(failed_attempts, 0u) << "no drawn failure made a stabilisation fail";
}

}  // namespace
}  // namespace sc::qemu::test

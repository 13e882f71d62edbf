// call_error_test.cpp — the call-error fault class (crash_model.h, FAULT
// CLASSES) on real in-process runs: the census counts every manager system
// call with its site, the draws take distinct sites and replay from the
// seed, a run recorded with a call failing keeps every earlier request, a
// failed snapshot call makes a failed attempt and the run goes on without a
// finding, a failed call in a boot ends the run cleanly, a fault that names
// no call of the run (or another call) is an input error, and the correct
// managers and kernel show no illegal state under call-error or call-misuse
// on corpus workloads.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "injector/check/call_fault_explore.h"
#include "injector/common/input_error.h"
#include "injector/inproc/explore.h"
#include "injector/inproc/recording.h"
#include "tests/zoo/zoo_explore.h"

namespace sc {
namespace {

using zoo::corpus;

crash::Fault call_fault(size_t call, SysCall kind) {
  return crash::Fault{crash::Mode::call_error, call, 0, static_cast<uint32_t>(kind)};
}

// The ordinal of the first call at (upcall, call) in `sites`; sites.size() if none.
size_t first_call(const std::vector<CallSite>& sites, UpcallKind upcall, SysCall call) {
  const auto it = std::find_if(sites.begin(), sites.end(),
                               [&](const CallSite& s) { return s.upcall == upcall && s.call == call; });
  return static_cast<size_t>(it - sites.begin());
}

TEST(CallErrorCensus, CountsEveryCallWithTheUpcallItAnswers) {
  const std::vector<CallSite> sites = census_calls(corpus("basic"), {});
  ASSERT_FALSE(sites.empty());
  EXPECT_EQ(sites.front().upcall, UpcallKind::start_fresh);
  EXPECT_LT(first_call(sites, UpcallKind::container_snapshot, SysCall::disk_write), sites.size());
  EXPECT_LT(first_call(sites, UpcallKind::container_snapshot, SysCall::disk_flush), sites.size());
  EXPECT_EQ(sites, census_calls(corpus("basic"), {}));
}

TEST(CallErrorCensus, DrawsDistinctSitesInCallOrderAndReplaysFromTheSeed) {
  const std::vector<CallSite> sites = census_calls(corpus("journal_crash_cycles"), {});
  const auto faults = draw_call_faults(sites, 5, crash::Mode::call_error);
  ASSERT_EQ(faults.size(), kCallFaultRunsPerWorkload);
  EXPECT_EQ(faults, draw_call_faults(sites, 5, crash::Mode::call_error));
  EXPECT_NE(faults, draw_call_faults(sites, 6, crash::Mode::call_error));
  std::set<std::tuple<ManagerId, UpcallKind, SysCall>> seen;
  for (size_t i = 0; i < faults.size(); ++i) {
    const CallSite& s = sites.at(faults[i].request);
    EXPECT_EQ(faults[i].kind, crash::Mode::call_error);
    EXPECT_EQ(faults[i].detail, static_cast<uint32_t>(s.call));
    EXPECT_TRUE(seen.insert({s.manager, s.upcall, s.call}).second) << "site drawn twice";
    if (i > 0) EXPECT_LT(faults[i - 1].request, faults[i].request);
  }
}

TEST(CallErrorRecording, AFailedSnapshotCallMakesAFailedAttemptAndTheRunGoesOn) {
  const Workload w = corpus("basic");
  const Recording clean = record_inproc(w, {});
  const std::vector<CallSite> sites = census_calls(w, {});
  const size_t call = first_call(sites, UpcallKind::container_snapshot, SysCall::disk_flush);
  ASSERT_LT(call, sites.size());
  const crash::Fault fault = call_fault(call, SysCall::disk_flush);
  const Recording faulted = record_inproc(w, {}, nullptr, &fault);
  EXPECT_TRUE(faulted.findings.empty()) << faulted.findings.front();
  EXPECT_TRUE(std::any_of(faulted.spans.begin(), faulted.spans.end(), [](const StabilisationSpan& s) { return s.failed; }));
  ASSERT_GT(faulted.failed_call_position, 0u);
  ASSERT_LE(faulted.failed_call_position, faulted.trace.requests().size());
  for (size_t i = 0; i < faulted.failed_call_position; ++i)
    EXPECT_EQ(faulted.trace.requests()[i].sector, clean.trace.requests()[i].sector) << "request " << i;
}

TEST(CallErrorRecording, AFailedCallInTheFirstBootEndsTheRunWithoutAFinding) {
  const Workload w = corpus("journal_basic");
  const std::vector<CallSite> sites = census_calls(w, {});
  const crash::Fault fault = call_fault(0, sites.front().call);
  const Recording faulted = record_inproc(w, {}, nullptr, &fault);
  EXPECT_TRUE(faulted.findings.empty()) << faulted.findings.front();
  EXPECT_EQ(faulted.events, 0u);
}

TEST(CallErrorRecording, AFailedCallInARecoveryEndsTheRunWithoutAFinding) {
  const Workload w = corpus("crash_cycles");
  const std::vector<CallSite> sites = census_calls(w, {});
  const size_t call = first_call(sites, UpcallKind::recover, SysCall::disk_read);
  ASSERT_LT(call, sites.size());
  const crash::Fault fault = call_fault(call, SysCall::disk_read);
  const Recording faulted = record_inproc(w, {}, nullptr, &fault);
  EXPECT_TRUE(faulted.findings.empty()) << faulted.findings.front();
  EXPECT_LT(faulted.events, record_inproc(w, {}).events);
}

TEST(CallErrorRecording, AFaultNamingNoCallOfTheRunIsAnInputError) {
  const Workload w = corpus("basic");
  const std::vector<CallSite> sites = census_calls(w, {});
  const crash::Fault beyond = call_fault(sites.size(), SysCall::disk_write);
  EXPECT_THROW(record_inproc(w, {}, nullptr, &beyond), InputError);
  const SysCall other = sites.front().call == SysCall::disk_flush ? SysCall::disk_write : SysCall::disk_flush;
  const crash::Fault wrong = call_fault(0, other);
  EXPECT_THROW(record_inproc(w, {}, nullptr, &wrong), InputError);
}

class CorrectSystemUnderCallFaults : public ::testing::TestWithParam<const char*> {};

// call-error and call-misuse alike: the correct managers and kernel give no
// illegal state and no finding while recording.
TEST_P(CorrectSystemUnderCallFaults, ShowsNoIllegalState) {
  const Workload w = corpus(GetParam());
  const Recording rec = record_inproc(w, {});
  for (const crash::Mode mode : {crash::Mode::call_error, crash::Mode::call_misuse}) {
    ExploreOptions options;
    options.enumerate.modes = crash::only(mode);
    const ExploreResult r = explore_inproc(w, {}, rec, options);
    EXPECT_GT(r.states, 0u) << crash::mode_name(mode);
    EXPECT_EQ(r.illegal, 0u) << crash::mode_name(mode) << ": " << (r.failures.empty() ? "" : r.failures.front().signature);
    EXPECT_TRUE(r.run_findings.empty()) << crash::mode_name(mode) << ": " << r.run_findings.front();
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorrectSystemUnderCallFaults,
                         ::testing::Values("basic", "hierarchy", "crash_cycles", "journal_crash_cycles",
                                           "journal_with_shadow", "journal_deep_hierarchy", "two_managers_cut",
                                           "journal_two_journals", "shadow_deep_hierarchy", "journal_full_partition"));

}  // namespace
}  // namespace sc

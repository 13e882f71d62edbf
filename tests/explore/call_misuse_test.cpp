// call_misuse_test.cpp — the call-misuse fault class (crash_model.h, FAULT
// CLASSES) on real in-process runs: the draws take only calls that pass the
// kernel a value; the correct kernel refuses every misused call and the run
// goes on without a finding; a fault naming a call with nothing to misuse
// is an input error; a kernel that accepts a misused call is reported while
// recording (seeded bug kernel-disk-bound-off-by-one); a manager whose
// snapshot returned ok before another manager of its group failed is never
// stabilised again on that uncommitted snapshot (K5). The correct system
// under call-misuse on corpus workloads: call_error_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "injector/check/call_fault_explore.h"
#include "injector/common/input_error.h"
#include "injector/inproc/recording.h"
#include "kernel/harness/call_fault/call_misuse.h"
#include "tests/zoo/zoo_explore.h"

namespace sc {
namespace {

using zoo::corpus;

crash::Fault misuse(size_t call, SysCall kind) {
  return crash::Fault{crash::Mode::call_misuse, call, 0, static_cast<uint32_t>(kind)};
}

bool mentions(const std::vector<std::string>& findings, const std::string& text) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const std::string& f) { return f.find(text) != std::string::npos; });
}

TEST(CallMisuseDraws, TakeOnlyCallsThatPassTheKernelAValue) {
  const std::vector<CallSite> sites = census_calls(corpus("journal_crash_cycles"), {});
  ASSERT_TRUE(std::any_of(sites.begin(), sites.end(), [](const CallSite& s) { return !passes_value(s.call); }));
  const auto faults = draw_call_faults(sites, 3, crash::Mode::call_misuse);
  ASSERT_FALSE(faults.empty());
  EXPECT_EQ(faults, draw_call_faults(sites, 3, crash::Mode::call_misuse));
  for (const crash::Fault& f : faults) {
    EXPECT_EQ(f.kind, crash::Mode::call_misuse);
    EXPECT_TRUE(passes_value(sites.at(f.request).call)) << sys_call_name(sites.at(f.request).call);
  }
}

// One misused call of every kind the runs make: a correct kernel refuses
// each, and what follows is judged without a finding. Every call that passes a value
// is met but report_page, which managers make only while enumerating their
// pages for the checker's read-back (never counted, never faulted).
TEST(CallMisuseRecording, TheCorrectKernelRefusesEveryKindOfMisusedCall) {
  std::set<SysCall> exercised;
  for (const char* name : {"basic", "journal_crash_cycles", "hierarchy", "journal_deep_hierarchy"}) {
    const Workload w = corpus(name);
    const std::vector<CallSite> sites = census_calls(w, {});
    for (uint32_t c = 0; c < kSysCallCount; ++c) {
      const auto call = static_cast<SysCall>(c);
      const auto it = std::find_if(sites.begin(), sites.end(), [&](const CallSite& s) { return s.call == call; });
      if (it == sites.end() || !passes_value(call)) continue;
      const crash::Fault fault = misuse(static_cast<size_t>(it - sites.begin()), call);
      const Recording rec = record_inproc(w, {}, nullptr, &fault);
      EXPECT_TRUE(rec.findings.empty()) << name << ", " << sys_call_name(call) << ": " << rec.findings.front();
      exercised.insert(call);
    }
  }
  for (uint32_t c = 0; c < kSysCallCount; ++c) {
    const auto call = static_cast<SysCall>(c);
    if (passes_value(call) && call != SysCall::report_page) EXPECT_TRUE(exercised.count(call)) << sys_call_name(call);
  }
}

TEST(CallMisuseRecording, AMisuseOfACallWithNothingToMisuseIsAnInputError) {
  const Workload w = corpus("basic");
  const std::vector<CallSite> sites = census_calls(w, {});
  const auto flush = std::find_if(sites.begin(), sites.end(), [](const CallSite& s) { return s.call == SysCall::disk_flush; });
  ASSERT_NE(flush, sites.end());
  const crash::Fault fault = misuse(static_cast<size_t>(flush - sites.begin()), SysCall::disk_flush);
  EXPECT_THROW(record_inproc(w, {}, nullptr, &fault), InputError);
}

// Manager A's partition ends where B's begins: a kernel whose bound check is
// off by one takes A's write one past its end, onto B's first block.
TEST(CallMisuseRecording, AKernelThatAcceptsAMisusedCallIsReported) {
  const Workload w = corpus("two_managers_cut");
  const SeededBugs bugs = zoo::bug("kernel-disk-bound-off-by-one");
  const std::vector<CallSite> sites = census_calls(w, bugs);
  const auto write = std::find_if(sites.begin(), sites.end(),
                                  [](const CallSite& s) { return s.manager == 0 && s.call == SysCall::disk_write; });
  ASSERT_NE(write, sites.end());
  const crash::Fault fault = misuse(static_cast<size_t>(write - sites.begin()), SysCall::disk_write);
  EXPECT_TRUE(mentions(record_inproc(w, bugs, nullptr, &fault).findings, "the kernel accepted it"));
  EXPECT_TRUE(record_inproc(w, {}, nullptr, &fault).findings.empty());
}

// journal_with_shadow ties journal A and shadow B; A snapshots before B. A
// refused call in B's snapshot fails the stabilisation after A's snapshot
// returned ok: A's transaction was published in its memory but no cut holds
// it. Stabilising A again would apply that transaction over the home blocks
// the last cut still needs; the kernel refuses every later stabilisation of
// the group until recovery (K5), so no crash afterwards loses data.
TEST(CallMisuseRecording, AGroupWhoseStabilisationFailedIsNotStabilisedAgainUntilRecovery) {
  const Workload w = corpus("journal_with_shadow");
  const std::vector<CallSite> sites = census_calls(w, {});
  size_t faulted = 0;
  for (size_t i = 0; i < sites.size(); ++i) {
    const CallSite& s = sites[i];
    if (s.manager != 1 || s.upcall != UpcallKind::container_snapshot || s.call != SysCall::clean_page) continue;
    const crash::Fault fault = misuse(i, SysCall::clean_page);
    const Recording rec = record_inproc(w, {}, nullptr, &fault);
    EXPECT_TRUE(rec.findings.empty()) << "call " << i << ": " << rec.findings.front();
    ++faulted;
  }
  EXPECT_GT(faulted, 2u);
}

}  // namespace
}  // namespace sc

// journal_tier_test.cpp — traces of the journal manager (whose recovery
// writes, so crash states include cuts during recovery) replay to the same
// verdict in the other tier:
//  (a) the QEMU-recorded trace of journal_crash_cycles: 60 states spread over
//      every mode, all legal under QEMU, each recovered state equal to the
//      in-process recovery of the same state;
//  (b) the in-process trace of journal_crash_cycles with journal-xor-replay
//      planted: 60 states give the same verdict and recovered state under
//      QEMU, and some of them are illegal in both.
// In both, some of the states picked cut power during a recovery.
#include <gtest/gtest.h>

#include "tests/qemu/crash_check.h"

namespace sc::qemu::test {
namespace {

constexpr size_t kStates = 60;

size_t recovery_cuts(const crash::Trace& trace, const std::vector<crash::CrashState>& states) {
  size_t n = 0;
  const auto requests = trace.requests();
  for (const auto& s : states) n += s.cut < requests.size() && requests[s.cut].phase == Phase::RECOVERY;
  return n;
}

TEST(JournalTiers, QemuTraceRecoversTheSameInProcess) {
  const Workload w = corpus("journal_crash_cycles");
  const InprocRun inproc = record_inproc_run(w, {});
  const QemuRecording rec = record_qemu(w, {}, tier_config());
  ASSERT_EQ(rec.error, "");
  const auto states = pick_states(*rec.trace, kStates, crash::power_cut_modes());
  ASSERT_EQ(states.size(), kStates);
  EXPECT_GT(recovery_cuts(*rec.trace, states), 0u);
  const auto recovered = recover_all_qemu(w, {}, *rec.trace, states);
  for (size_t i = 0; i < states.size(); ++i) {
    const Judged q = judge_qemu(w, {}, recovered[i], *rec.trace, states[i], inproc.history, rec.guest.spans);
    const Judged h = recover_inproc(w, {}, *rec.trace, states[i], inproc.history, rec.guest.spans);
    EXPECT_TRUE(q.legal) << "state " << i << " cut " << states[i].cut << "\n" << recovered[i].run.console;
    EXPECT_TRUE(h.legal) << "state " << i << " cut " << states[i].cut;
    EXPECT_EQ(q.state, h.state) << "state " << i;
  }
}

TEST(JournalTiers, InprocTraceWithAPlantedBugGivesTheSameVerdictsUnderQemu) {
  const Workload w = corpus("journal_crash_cycles");
  const SeededBugs bugs = bug("journal-xor-replay");
  const InprocRun inproc = record_inproc_run(w, bugs);
  const QemuRecording rec = record_qemu(w, bugs, tier_config());
  ASSERT_EQ(rec.error, "");
  const auto states = pick_states(inproc.trace, kStates, crash::power_cut_modes());
  ASSERT_EQ(states.size(), kStates);
  EXPECT_GT(recovery_cuts(inproc.trace, states), 0u);
  EXPECT_GT(expect_tiers_agree(w, bugs, inproc, rec, states), 0u) << "the planted bug showed in none of the states picked";
}

}  // namespace
}  // namespace sc::qemu::test

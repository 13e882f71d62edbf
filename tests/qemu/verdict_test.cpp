// verdict_test.cpp — the QEMU tier gives verdicts: crash states of recorded
// traces recovered by real reboots under QEMU and read back through the
// guest's fault path, judged against the reference model's stable states.
//  (a) 200 states of basic.json from the QEMU-recorded trace: all legal, and
//      each recovered state equals the in-process recovery of the same state;
//  (b) a planted manager bug (shadow-skip-flush) is detected under QEMU;
//  (c) live cuts (plugin frozen at request i, guest stopped) and offline cuts
//      (built from the recorded trace) at the same request give the same
//      durable image and the same recovered state;
//  (d) the in-process trace with the bug planted: 50 states give the same
//      verdict and the same recovered state in both tiers.
#include <gtest/gtest.h>

#include "tests/qemu/crash_check.h"

namespace sc::qemu::test {
namespace {

TEST(Verdict, TwoHundredStatesOfBasicAreLegalUnderQemu) {
  const Workload w = corpus("basic");
  const InprocRun inproc = record_inproc_run(w, {});
  const QemuRecording rec = record_qemu(w, {}, tier_config());
  ASSERT_EQ(rec.error, "");
  const auto states = pick_states(*rec.trace, 200, crash::power_cut_modes());
  ASSERT_EQ(states.size(), 200u);
  const auto recovered = recover_all_qemu(w, {}, *rec.trace, states);
  size_t illegal = 0;
  for (size_t i = 0; i < states.size(); ++i) {
    const Judged q = judge_qemu(w, {}, recovered[i], *rec.trace, states[i], inproc.history, rec.guest.spans);
    const Judged h = recover_inproc(w, {}, *rec.trace, states[i], inproc.history, rec.guest.spans);
    if (!q.legal) ++illegal;
    EXPECT_TRUE(q.legal) << "state " << i << " cut " << states[i].cut << "\n" << recovered[i].run.console;
    EXPECT_EQ(q.state, h.state) << "state " << i;
  }
  EXPECT_EQ(illegal, 0u);
}

TEST(Verdict, PlantedManagerBugIsDetectedUnderQemu) {
  const Workload w = corpus("basic");
  const SeededBugs bugs = bug("shadow-skip-flush");
  const InprocRun inproc = record_inproc_run(w, bugs);
  const QemuRecording rec = record_qemu(w, bugs, tier_config());
  ASSERT_EQ(rec.error, "");
  std::vector<crash::CrashState> failing;
  for (const auto& s : pick_states(*rec.trace, 100000, crash::only(crash::Mode::prefix))) {
    if (!recover_inproc(w, bugs, *rec.trace, s, inproc.history, rec.guest.spans).legal) failing.push_back(s);
    if (failing.size() == 4) break;
  }
  ASSERT_FALSE(failing.empty()) << "the bug shows in no prefix state in-process";
  const auto recovered = recover_all_qemu(w, bugs, *rec.trace, failing);
  for (size_t i = 0; i < failing.size(); ++i)
    EXPECT_FALSE(judge_qemu(w, bugs, recovered[i], *rec.trace, failing[i], inproc.history, rec.guest.spans).legal)
        << "cut " << failing[i].cut << "\n" << recovered[i].run.console;
}

TEST(Verdict, LiveAndOfflineCutsAgree) {
  const Workload w = corpus("basic");
  const QemuRecording rec = record_qemu(w, {}, tier_config());
  ASSERT_EQ(rec.error, "");
  const size_t n = rec.trace->requests().size();
  for (size_t cut : {size_t{0}, n / 4, n / 2, 3 * n / 4 + 1, n - 1}) {
    const LiveCut live = live_cut_qemu(w, {}, cut, tier_config());
    ASSERT_EQ(live.recording.error, "") << "cut " << cut;
    const crash::CrashImage offline = crash::build_crash_image(*rec.trace, crash::CrashState{cut, crash::Mode::prefix, {}, {}});
    EXPECT_EQ(live.durable, offline.view().bytes()) << "cut " << cut;
    const QemuRecovery off = recover_qemu(w, {}, offline.view().bytes(), tier_config());
    EXPECT_EQ(live.recovery.readback.state, off.readback.state) << "cut " << cut;
    EXPECT_TRUE(live.recovery.readback.done) << live.recovery.run.console;
  }
}

TEST(Verdict, InprocTraceGivesTheSameVerdictsUnderQemu) {
  const Workload w = corpus("basic");
  const SeededBugs bugs = bug("shadow-skip-flush");
  const InprocRun inproc = record_inproc_run(w, bugs);
  const QemuRecording rec = record_qemu(w, bugs, tier_config());
  ASSERT_EQ(rec.error, "");
  const auto states = pick_states(inproc.trace, 50, crash::power_cut_modes());
  ASSERT_EQ(states.size(), 50u);
  const size_t illegal = expect_tiers_agree(w, bugs, inproc, rec, states);
  RecordProperty("illegal_states", static_cast<int>(illegal));
}

}  // namespace
}  // namespace sc::qemu::test

// power_cycle_test.cpp — one QEMU serves many boots by resetting itself
// (QemuSession's power-cycle mode): each crash image is served afresh from
// its kPowerOn, and a boot after a reset recovers exactly what a boot of a
// newly started QEMU recovers from the same image; record runs and live
// cuts are boots of the same QEMU too, and this thread's session pool
// (session_pool.h) hands the QEMU that recorded a workload to the
// recoveries after it.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "injector/common/input_error.h"
#include "injector/qemu/session_pool.h"

#include "tests/qemu/crash_check.h"

namespace sc::qemu::test {
namespace {

std::vector<uint8_t> image_of(const crash::Trace& trace, const crash::CrashState& s) {
  return crash::build_crash_image(trace, s).view().bytes();
}

TEST(PowerCycle, ResetBootsRecoverWhatFreshQemuRecovers) {
  const Workload w = corpus("crash_cycles");
  const QemuRecording rec = record_qemu(w, {}, tier_config());
  ASSERT_TRUE(rec.error.empty()) << rec.error;
  const auto states = pick_states(*rec.trace, 6, crash::power_cut_modes());
  ASSERT_GE(states.size(), 4u);
  QemuSession cycling(w, {}, tier_config());
  std::set<SystemState> distinct;
  for (const crash::CrashState& s : states) {
    const std::vector<uint8_t> image = image_of(*rec.trace, s);
    const QemuRecovery reset = cycling.recover(image);
    const QemuRecovery fresh = QemuSession(w, {}, tier_config()).recover(image);
    ASSERT_EQ(reset.run.outcome, Outcome::rebooted) << outcome_name(reset.run.outcome) << reset.run.console;
    ASSERT_EQ(fresh.run.outcome, Outcome::rebooted) << outcome_name(fresh.run.outcome) << fresh.run.console;
    EXPECT_TRUE(reset.readback.error.empty()) << reset.readback.error;
    EXPECT_EQ(reset.readback.boot_status, fresh.readback.boot_status);
    EXPECT_EQ(reset.readback.epoch, fresh.readback.epoch);
    EXPECT_EQ(reset.readback.state, fresh.readback.state) << "cut " << s.cut;
    distinct.insert(reset.readback.state);
  }
  EXPECT_EQ(cycling.qemu_starts(), 1u) << "every recovery after the first must be a reset, not a new QEMU";
  EXPECT_GT(distinct.size(), 1u) << "the states should not all recover alike, or the image swap is untested";
}

TEST(PowerCycle, OneQemuRecordsRecoversAndCutsLive) {
  const Workload w = corpus("crash_cycles");
  QemuSession session(w, {}, tier_config());
  const QemuRecording first = session.record();
  ASSERT_TRUE(first.error.empty()) << first.error;
  ASSERT_EQ(first.run.outcome, Outcome::rebooted) << first.run.console;
  EXPECT_TRUE(first.guest.ended);
  const size_t cut = first.trace->requests().size() / 2;
  const crash::CrashState at_cut{cut, crash::Mode::prefix, {}, {}};
  const QemuRecovery recovered = session.recover(image_of(*first.trace, at_cut));
  ASSERT_EQ(recovered.run.outcome, Outcome::rebooted) << recovered.run.console;
  const LiveCut live = session.live_cut(cut);
  ASSERT_TRUE(live.recording.error.empty()) << live.recording.error;
  EXPECT_NE(live.recording.run.console.find("SC POWER OFF"), std::string::npos) << live.recording.run.console;
  EXPECT_EQ(live.recording.trace->requests().size(), cut) << "the trace ends at the cut";
  EXPECT_EQ(live.durable, image_of(*first.trace, at_cut)) << "the frozen image is the offline crash image";
  EXPECT_EQ(live.recovery.readback.state, recovered.readback.state);
  const QemuRecording again = session.record();
  ASSERT_TRUE(again.error.empty()) << again.error;
  EXPECT_EQ(again.trace->requests().size(), first.trace->requests().size()) << "a record run after a cut starts blank";
  EXPECT_EQ(again.guest.events.size(), first.guest.events.size());
  EXPECT_EQ(session.qemu_starts(), 1u) << "record runs, recoveries and live cuts must all be resets of one QEMU";
}

TEST(SessionPool, TheQemuThatRecordedAWorkloadServesItsRecoveries) {
  const Workload w = corpus("basic");
  ASSERT_TRUE(record_qemu(w, {}, tier_config()).error.empty());
  {
    SessionLease lease = lease_session(w, {}, tier_config());
    EXPECT_EQ(lease->qemu_starts(), 1u) << "the recording's session, its QEMU running";
    SessionLease other = lease_session(corpus("hierarchy"), {}, tier_config());
    EXPECT_EQ(other->qemu_starts(), 0u) << "another workload boots another guest";
  }
  EXPECT_EQ(lease_session(corpus("hierarchy"), {}, tier_config())->qemu_starts(), 0u)
      << "given back first, so the pool had moved on to basic's guest";
  ASSERT_TRUE(record_qemu(w, {}, tier_config()).error.empty());
  size_t starts_on_another_thread = 99;
  std::thread([&] { starts_on_another_thread = lease_session(w, {}, tier_config())->qemu_starts(); }).join();
  EXPECT_EQ(starts_on_another_thread, 0u) << "a session's processes die with its thread, so threads never share";
  const std::vector<uint64_t> outside = {w.disk_sectors()};
  const std::vector<uint8_t> blank(w.disk_sectors() * kSectorSize, 0);
  EXPECT_THROW(lease_session(w, {}, tier_config())->recover(blank, outside), InputError);
  EXPECT_EQ(lease_session(w, {}, tier_config())->qemu_starts(), 0u) << "a session that threw is not trusted again";
}

}  // namespace
}  // namespace sc::qemu::test

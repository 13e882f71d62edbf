// power_cycle_test.cpp — one QEMU recovers many crash images by resetting
// itself (RecoverySession's power-cycle mode): each image is served afresh
// from its kPowerOn, and a boot after a reset recovers exactly what a boot
// of a newly started QEMU recovers from the same image.
#include <gtest/gtest.h>

#include <set>

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
  RecoverySession cycling(w, {}, tier_config());
  std::set<SystemState> distinct;
  for (const crash::CrashState& s : states) {
    const std::vector<uint8_t> image = image_of(*rec.trace, s);
    const QemuRecovery reset = cycling.recover(image);
    const QemuRecovery fresh = recover_qemu(w, {}, image, tier_config());
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

}  // namespace
}  // namespace sc::qemu::test

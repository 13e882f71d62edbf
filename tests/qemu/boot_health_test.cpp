// boot_health_test.cpp — the rule of boot_health.h on real QEMU boots: the
// stablecut self-test kernel (prints the banner, ends in well under a
// second) and the spin kernel (prints no banner, never ends). A hang after
// healthy boots is a finding with no second boot; a hang with no healthy
// boot is calibrated, and a calibration that ends in more than half the
// timeout is "--timeout too small"; a boot without the banner, and a kernel
// QEMU refuses, are setup errors (InputError, exit 2).
#include "injector/qemu/boot_health.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "injector/common/input_error.h"

namespace sc::qemu {
namespace {

using std::chrono::milliseconds;

RunResult boot(const std::string& kernel, milliseconds timeout) {
  RunConfig config;
  config.kernel_elf = kernel;
  config.timeout = timeout;
  QemuRunner runner(config);
  return runner.run();
}

RunResult selftest(milliseconds timeout) { return boot(STABLECUT_KERNEL_ELF, timeout); }
RunResult spin(milliseconds timeout) { return boot(STABLECUT_SPIN_ELF, timeout); }

// The InputError judge() throws, or "" if it returned.
std::string setup_error_of(BootHealth& health, RunResult run, const BootHealth::Rerun& rerun) {
  try {
    (void)health.judge(std::move(run), rerun);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// The self-test boot ends well within a 20 s timeout; the spin boot stands
// for one killed at it (its runner's own timeout is shorter, to keep the
// test short).
TEST(BootHealth, HangAfterHealthyBootsIsAFindingWithoutASecondBoot) {
  BootHealth health(STABLECUT_KERNEL_ELF, milliseconds(20000), "boot");
  const auto no_rerun = [](milliseconds limit) {
    ADD_FAILURE() << "a hang after boots well within the timeout needs no calibration";
    return selftest(limit);
  };
  EXPECT_EQ(health.judge(selftest(milliseconds(20000)), no_rerun).outcome, Outcome::exited);
  EXPECT_EQ(health.judge(spin(milliseconds(1000)), no_rerun).outcome, Outcome::hang);
}

TEST(BootHealth, HangThatEndsGivenMoreTimeMeansTheTimeoutIsTooSmall) {
  BootHealth health(STABLECUT_KERNEL_ELF, milliseconds(40), "self-test boot");
  milliseconds asked{0};
  const std::string error = setup_error_of(health, spin(milliseconds(40)), [&](milliseconds limit) {
    asked = limit;
    return selftest(limit);
  });
  EXPECT_EQ(asked, calibration_timeout(milliseconds(40)));
  EXPECT_EQ(asked, kCalibrationFloor);
  EXPECT_EQ(error.rfind("--timeout 0.04: too small: a healthy self-test boot took ", 0), 0u) << error;
  EXPECT_EQ(error.find('\n'), std::string::npos) << error;
}

TEST(BootHealth, BootWithoutTheKernelBannerIsASetupError) {
  BootHealth health("spin.elf", milliseconds(500), "record run");
  const std::string error =
      setup_error_of(health, spin(milliseconds(500)), [](milliseconds) { return spin(milliseconds(500)); });
  EXPECT_EQ(error.rfind("--kernel spin.elf: not the stablecut riscv64 kernel: the record run printed no", 0), 0u)
      << error;
}

// QEMU cannot load a directory as a kernel (its own error exit, status 1).
TEST(BootHealth, KernelQemuRefusesIsASetupError) {
  const std::string dir = ::testing::TempDir();
  BootHealth health(dir, milliseconds(2000), "record run");
  const std::string error = setup_error_of(health, boot(dir, milliseconds(2000)), spin);
  EXPECT_EQ(error.rfind("--kernel " + dir + ": QEMU refused to run it (qemu failed: ", 0), 0u) << error;
  EXPECT_NE(error.find("could not load kernel"), std::string::npos) << error;
}

// An x86-64 program is no riscv64 kernel: QEMU runs it as raw code, which
// never prints the banner; past kBannerWithin that needs no calibration.
TEST(BootHealth, KernelSilentPastTheBannerTimeIsASetupErrorWithoutASecondBoot) {
  BootHealth health("/bin/ls", kBannerWithin, "record run");
  bool rerun = false;
  const std::string error = setup_error_of(health, boot("/bin/ls", kBannerWithin), [&](milliseconds) {
    rerun = true;
    return RunResult{};
  });
  EXPECT_EQ(error.rfind("--kernel /bin/ls: not the stablecut riscv64 kernel: the record run printed no", 0), 0u)
      << error;
  EXPECT_FALSE(rerun);
}

TEST(BootHealth, CalibrationIsGenerous) {
  EXPECT_EQ(calibration_timeout(milliseconds(100)), kCalibrationFloor);
  EXPECT_EQ(calibration_timeout(milliseconds(60000)), milliseconds(240000));
}

}  // namespace
}  // namespace sc::qemu

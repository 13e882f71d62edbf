// boot_health.h — tells a setup or environment error from a finding under
// QEMU. A finding is only what the system under test did, so a boot counts
// only once it has shown that QEMU ran the stablecut kernel with enough time:
//  1. QEMU must run: a boot that could not start (Outcome::setup_error:
//     nbdkit, the plugin, QEMU missing), that QEMU refused (qemu_error: e.g. a
//     --kernel that is no riscv64 image) or that QEMU died of (crashed) is an
//     environment error;
//  2. the guest must be the stablecut kernel on the disk and blob it was
//     given: a boot that ended without the kernel's banner line, or with the
//     kernel's own "this is not my disk/blob" codes (FailCode no_disk,
//     bad_workload), is a setup error; so is a boot killed at a timeout of
//     kBannerWithin or more without the banner (kmain prints it first,
//     within milliseconds);
//  3. a boot killed at the timeout is a `hang` finding only when a healthy
//     boot is known to take at most half the timeout: the longest boot of
//     the same BootHealth that ended by itself, or else the same boot run
//     once more with calibration_timeout(). If that one ends by itself in Y
//     seconds and Y is more than half the timeout, "--timeout X is too small:
//     a healthy boot took Y s" (exit 2); if it ends sooner, its result
//     replaces the first (the host, not the guest, was slow); if it hangs
//     again after the banner, the hang stands.
// Interface: BootHealth health(cfg, "recovery boot");
//            RunResult r = health.judge(boot(), rerun_with_timeout);
// judge() returns the boot to judge (a finding or not) or throws InputError
// (exit 2) with one line naming the flag to fix.
#pragma once
#include <chrono>
#include <functional>
#include <string>

#include "injector/qemu/qemu_runner.h"

namespace sc::qemu {

// The first line every boot of the stablecut kernel prints (kmain.cpp).
inline constexpr const char* kKernelBanner = "stablecut riscv64 kernel:";

// A calibration boot may take this long, or four times --timeout if longer.
inline constexpr std::chrono::seconds kCalibrationFloor{20};

// A stablecut kernel prints its banner long before this.
inline constexpr std::chrono::seconds kBannerWithin{5};

std::chrono::milliseconds calibration_timeout(std::chrono::milliseconds timeout);

class BootHealth {
 public:
  using Rerun = std::function<RunResult(std::chrono::milliseconds timeout)>;

  // `kernel` names the --kernel image in errors; `what` the kind of boot
  // ("record run", "recovery boot").
  BootHealth(std::string kernel, std::chrono::milliseconds timeout, std::string what);

  RunResult judge(RunResult run, const Rerun& rerun);

 private:
  RunResult calibrate(RunResult hung, const Rerun& rerun) const;
  void require_stablecut_guest(const RunResult& run) const;
  bool healthy_well_within_timeout() const;

  std::string kernel_;
  std::chrono::milliseconds timeout_;
  std::string what_;
  std::chrono::microseconds longest_healthy_{0};
};

}  // namespace sc::qemu

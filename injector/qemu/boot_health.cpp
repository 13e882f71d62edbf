// boot_health.cpp — see boot_health.h.
#include "injector/qemu/boot_health.h"

#include <fmt/format.h>

#include <algorithm>

#include "injector/common/input_error.h"
#include "kernel/abi/exit_codes.h"

namespace sc::qemu {

namespace {

double seconds(std::chrono::microseconds t) { return std::chrono::duration<double>(t).count(); }
double seconds(std::chrono::milliseconds t) { return std::chrono::duration<double>(t).count(); }

// The kernel's exit codes for "the host gave me a disk or blob I cannot use".
bool setup_exit_code(int code) {
  return code == static_cast<int>(rv::FailCode::no_disk) || code == static_cast<int>(rv::FailCode::bad_workload);
}

bool shows_banner(const std::string& console) {
  const size_t at = console.find(kKernelBanner);
  return at != std::string::npos && (at == 0 || console[at - 1] == '\n');
}

// The console's last non-empty line (the kernel's panic message, if any).
std::string last_line(const std::string& console) {
  const size_t end = console.find_last_not_of("\r\n");
  if (end == std::string::npos) return "(no console output)";
  const size_t newline = console.rfind('\n', end);
  const size_t begin = newline == std::string::npos ? 0 : newline + 1;
  return console.substr(begin, end + 1 - begin);
}

}  // namespace

std::chrono::milliseconds calibration_timeout(std::chrono::milliseconds timeout) {
  return std::max<std::chrono::milliseconds>(kCalibrationFloor, 4 * timeout);
}

BootHealth::BootHealth(std::string kernel, std::chrono::milliseconds timeout, std::string what)
    : kernel_(std::move(kernel)), timeout_(timeout), what_(std::move(what)) {}

RunResult BootHealth::judge(RunResult run, const Rerun& rerun) {
  if (run.outcome == Outcome::hang) {
    if (healthy_well_within_timeout()) return run;
    if (timeout_ >= kBannerWithin) require_stablecut_guest(run);
    run = calibrate(std::move(run), rerun);
    if (run.outcome == Outcome::hang) return run;
  }
  require_stablecut_guest(run);
  longest_healthy_ = std::max(longest_healthy_, run.boot_to_exit);
  return run;
}

bool BootHealth::healthy_well_within_timeout() const {
  return longest_healthy_.count() > 0 && longest_healthy_ <= timeout_ / 2;
}

// The hung boot once more with a generous limit: does it end by itself?
RunResult BootHealth::calibrate(RunResult hung, const Rerun& rerun) const {
  const std::chrono::milliseconds limit = calibration_timeout(timeout_);
  RunResult again = rerun(limit);
  require_stablecut_guest(again);
  if (again.outcome == Outcome::hang) return hung;
  if (again.boot_to_exit > timeout_ / 2)
    throw InputError(fmt::format("--timeout {:g}: too small: a healthy {} took {:.2f} s (expected a timeout of at "
                                 "least twice that)",
                                 seconds(timeout_), what_, seconds(again.boot_to_exit)));
  return again;
}

void BootHealth::require_stablecut_guest(const RunResult& run) const {
  switch (run.outcome) {
    case Outcome::setup_error:
    case Outcome::crashed:
      throw InputError("--tier qemu: " + run.error);
    case Outcome::qemu_error:
      throw InputError(fmt::format("--kernel {}: QEMU refused to run it ({}); expected the stablecut riscv64 kernel "
                                   "image",
                                   kernel_, run.error));
    default:
      break;
  }
  if (!shows_banner(run.console)) {
    const std::string how = run.outcome == Outcome::hang
                                ? fmt::format("in {:.1f} s", seconds(run.boot_to_exit))
                                : fmt::format("before it ended ({}, exit {})", outcome_name(run.outcome), run.exit_code);
    throw InputError(fmt::format("--kernel {}: not the stablecut riscv64 kernel: the {} printed no \"{}\" line {}",
                                 kernel_, what_, kKernelBanner, how));
  }
  if (run.outcome == Outcome::exited && setup_exit_code(run.exit_code))
    throw InputError(fmt::format("--kernel {}: the {} stopped before the workload (exit {}: {}); expected the kernel "
                                 "built with this stablecut",
                                 kernel_, what_, run.exit_code, last_line(run.console)));
}

}  // namespace sc::qemu

// qemu_checker.cpp — see qemu_checker.h.
#include "injector/qemu/qemu_checker.h"

#include "injector/crash/failing_read_disk.h"
#include "injector/qemu/qemu_oracle.h"

namespace sc::qemu {

QemuChecker::QemuChecker(const Workload& w, const SeededBugs& bugs, const TierConfig& cfg)
    : w_(w), config_(boot_config(w, bugs)), session_(lease_session(w, bugs, cfg)) {}

Recovered QemuChecker::recover(const crash::ImageView& image, std::span<const crash::Fault> faults) {
  const QemuRecovery r = session_->recover(image.bytes(), crash::read_error_sectors(faults));
  return recovered_from_qemu(r, image, w_, config_);
}

Recovered QemuChecker::recover_then(const crash::ImageView& image, std::span<const crash::Fault> faults,
                                    const NextState& next) {
  const std::vector<uint8_t> next_bytes = next.image.bytes();
  const std::vector<uint64_t> next_errors = crash::read_error_sectors(next.faults);
  const NextBoot after{next_bytes, next_errors};
  const QemuRecovery r = session_->recover(image.bytes(), crash::read_error_sectors(faults), &after);
  return recovered_from_qemu(r, image, w_, config_);
}

}  // namespace sc::qemu

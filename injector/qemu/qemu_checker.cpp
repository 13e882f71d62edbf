// qemu_checker.cpp — see qemu_checker.h.
#include "injector/qemu/qemu_checker.h"

#include "injector/qemu/qemu_oracle.h"

namespace sc::qemu {

QemuChecker::QemuChecker(const Workload& w, const SeededBugs& bugs, const TierConfig& cfg)
    : w_(w), config_(boot_config(w, bugs)), session_(w, bugs, cfg) {}

Recovered QemuChecker::recover(const crash::ImageView& image) {
  return recovered_from_qemu(session_.recover(image.bytes()), image, w_, config_);
}

}  // namespace sc::qemu

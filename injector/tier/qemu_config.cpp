// qemu_config.cpp — see qemu_config.h.
#include "injector/tier/qemu_config.h"

namespace sc::tier {

qemu::TierConfig qemu_config(const TierSpec& spec) {
  qemu::TierConfig cfg;
  cfg.kernel_elf = spec.kernel;
  cfg.plugin = spec.plugin;
  cfg.timeout = std::chrono::milliseconds(static_cast<int64_t>(spec.timeout_s * 1000));
  return cfg;
}

}  // namespace sc::tier

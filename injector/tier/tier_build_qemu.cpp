// tier_build_qemu.cpp — what a build with the QEMU tier offers (CMake links
// this file, or tier_build_inproc_only.cpp, never both): make_tier()
// (tier.h) picks InprocTier or QemuTier by the TierSpec's kind, and the
// default kernel image and nbdkit plugin (tier_spec.h) are the ones built
// (tier_default_paths.cpp).
#include "injector/tier/inproc_tier.h"
#include "injector/tier/qemu_tier_object.h"
#include "injector/tier/tier_spec.h"

namespace sc::tier {

std::unique_ptr<Tier> make_tier(const TierSpec& spec) {
  if (spec.qemu()) return std::make_unique<QemuTier>(spec);
  return std::make_unique<InprocTier>();
}

bool qemu_tier_built() { return true; }

}  // namespace sc::tier

// tier_build_inproc_only.cpp — what a build without the QEMU tier offers
// (CMake links this file, or tier_build_qemu.cpp, never both): make_tier()
// (tier.h) refuses a TierSpec naming the QEMU tier (say, a resumed QEMU
// campaign's) rather than run it in-process; there is no default kernel
// image or plugin.
#include "injector/common/input_error.h"
#include "injector/tier/inproc_tier.h"
#include "injector/tier/tier_spec.h"

namespace sc::tier {

std::unique_ptr<Tier> make_tier(const TierSpec& spec) {
  if (spec.qemu()) throw InputError("--tier qemu: this build has no QEMU tier (configure with -DSTABLECUT_QEMU=ON)");
  return std::make_unique<InprocTier>();
}

bool qemu_tier_built() { return false; }
std::string default_kernel() { return ""; }
std::string default_plugin() { return ""; }

}  // namespace sc::tier

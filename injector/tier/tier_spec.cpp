// tier_spec.cpp — see tier_spec.h.
#include "injector/tier/tier_spec.h"

namespace sc::tier {

bool qemu_tier_built() {
#ifdef STABLECUT_HAVE_QEMU
  return true;
#else
  return false;
#endif
}

std::string default_kernel() {
#ifdef STABLECUT_HAVE_QEMU
  return STABLECUT_DEFAULT_KERNEL;
#else
  return "";
#endif
}

std::string default_plugin() {
#ifdef STABLECUT_HAVE_QEMU
  return STABLECUT_DEFAULT_PLUGIN;
#else
  return "";
#endif
}

}  // namespace sc::tier

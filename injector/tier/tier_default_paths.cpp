// tier_default_paths.cpp — the default kernel image and nbdkit plugin of a
// build with the QEMU tier (tier_spec.h): the paths CMake built them at.
// Kept apart from tier_build_qemu.cpp so that only this small file carries
// the build directory in its compile flags (every other object of a second
// build directory is a compiler-cache hit).
#include "injector/tier/tier_spec.h"

namespace sc::tier {

std::string default_kernel() { return STABLECUT_DEFAULT_KERNEL; }
std::string default_plugin() { return STABLECUT_DEFAULT_PLUGIN; }

}  // namespace sc::tier

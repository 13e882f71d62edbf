// tier_spec.h — which tier runs a workload's steps, and how: in-process, or
// riscv64 under QEMU (kernel image, nbdkit plugin, boot timeout, recovery
// sessions per exploration). Plain values, no command-line parsing.
// Interface: TierSpec; qemu_tier_built() says whether this build has the
// QEMU tier; default_kernel()/default_plugin() are the ones built with it
// (empty without the QEMU tier). They are defined in tier_build_qemu.cpp or
// tier_build_inproc_only.cpp, whichever CMake links.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace sc::tier {

enum class Kind { inproc, qemu };

// Crash states a workload checks under QEMU unless told otherwise (spread
// over its enumeration): real reboots are slow.
constexpr uint64_t kDefaultQemuStates = 200;

bool qemu_tier_built();
std::string default_kernel();
std::string default_plugin();

struct TierSpec {
  Kind kind = Kind::inproc;
  std::string kernel = default_kernel();  // QEMU: the riscv64 kernel image
  std::string plugin = default_plugin();  // QEMU: the stablecut nbdkit plugin
  double timeout_s = 10;                  // QEMU: seconds before a boot is a hang
  size_t qemu_sessions = 2;               // QEMU: recovery boots in parallel per exploration

  bool qemu() const { return kind == Kind::qemu; }
  const char* name() const { return qemu() ? "qemu" : "inproc"; }
};

}  // namespace sc::tier

// tier_flags.cpp — see tier_flags.h.
#include "injector/cli/tier_flags.h"

namespace sc::cli {

bool qemu_tier_built() {
#ifdef STABLECUT_HAVE_QEMU
  return true;
#else
  return false;
#endif
}

void add_tier_flags(CLI::App* cmd, const std::shared_ptr<TierFlags>& flags) {
#ifdef STABLECUT_HAVE_QEMU
  flags->kernel = STABLECUT_DEFAULT_KERNEL;
  flags->plugin = STABLECUT_DEFAULT_PLUGIN;
#endif
  const std::vector<std::string> tiers =
      qemu_tier_built() ? std::vector<std::string>{"inproc", "qemu"} : std::vector<std::string>{"inproc"};
  cmd->add_option("--tier", flags->tier, "Where to run: inproc (in-process) or qemu (riscv64 under QEMU)")
      ->check(CLI::IsMember(tiers))
      ->capture_default_str();
  cmd->add_option("--kernel", flags->kernel, "QEMU tier: the riscv64 kernel image")->check(CLI::ExistingFile);
  cmd->add_option("--plugin", flags->plugin, "QEMU tier: the stablecut nbdkit plugin")->check(CLI::ExistingFile);
  cmd->add_option("--timeout", flags->timeout_s, "QEMU tier: seconds before a boot counts as a hang")
      ->check(CLI::Range(0.1, 3600.0))
      ->capture_default_str();
}

}  // namespace sc::cli

// tier_flags.h — --tier and, for the QEMU tier, where the riscv64 kernel image
// and the nbdkit plugin are (defaults: the ones built next to this binary).
// Shared by run and replay.
#pragma once
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

namespace sc::cli {

struct TierFlags {
  std::string tier = "inproc";
  std::string kernel;
  std::string plugin;
  double timeout_s = 10;

  bool qemu() const { return tier == "qemu"; }
};

void add_tier_flags(CLI::App* cmd, const std::shared_ptr<TierFlags>& flags);
// True if this build has the QEMU tier.
bool qemu_tier_built();

}  // namespace sc::cli

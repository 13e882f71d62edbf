// tier_flags.h — --tier and, for the QEMU tier, --kernel, --plugin and
// --timeout (defaults: the kernel image and nbdkit plugin built next to this
// binary), bound to a tier::TierSpec. Shared by run, replay, bench and
// campaign. tier_flags_text(tier) gives them back for a printed command:
// "--tier NAME" plus, under QEMU, each of the three that is not the default
// (paths made absolute), so the command runs the same tier.
#pragma once
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "injector/tier/tier_spec.h"

namespace sc::cli {

void add_tier_flags(CLI::App* cmd, const std::shared_ptr<tier::TierSpec>& flags);
std::string tier_flags_text(const tier::TierSpec& tier);

}  // namespace sc::cli

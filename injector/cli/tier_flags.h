// tier_flags.h — --tier and, for the QEMU tier, --kernel, --plugin and
// --timeout (defaults: the kernel image and nbdkit plugin built next to this
// binary), bound to a tier::TierSpec. Shared by run, replay, bench and
// campaign.
#pragma once
#include <memory>

#include <CLI/CLI.hpp>

#include "injector/tier/tier_spec.h"

namespace sc::cli {

void add_tier_flags(CLI::App* cmd, const std::shared_ptr<tier::TierSpec>& flags);

}  // namespace sc::cli

// qemu_config.h — a TierSpec as the QEMU tier's TierConfig. Internal to
// injector/tier; compiled only when the QEMU tier is built.
#pragma once
#include "injector/qemu/qemu_tier.h"
#include "injector/tier/tier_spec.h"

namespace sc::tier {

qemu::TierConfig qemu_config(const TierSpec& spec);

}  // namespace sc::tier

// bug_bits.h — the kernel's seeded-bug switches as a bit set, the one codec
// both tiers use: the host writes them into the workload blob
// (kernel/abi/workload_blob.h: kernel_bugs) and the guest reads them back.
// A manager program's seeded bugs are its own bit set, declared in its
// registry entry (managers/sdk/manager_program.h) and carried per manager
// in ManagerConfig::bugs.
// Invariant: bit i means the same switch on both sides; the values are part
// of the workload blob format (a change increments its kVersion).
// Platform-free.
#pragma once
#include <stdint.h>

#include "kernel/core/boot_config.h"

namespace sc {

constexpr uint32_t kBugOverwriteLiveRootCopy = 1, kBugRecoverIgnoringCuts = 2, kBugSnapshotParentFirst = 4,
                   kBugCutDropsIdleManagers = 8, kBugDiskBoundsOffByOne = 16;

uint32_t kernel_bug_bits(const KernelBugs& bugs);
KernelBugs kernel_bugs_from_bits(uint64_t bits);

}  // namespace sc

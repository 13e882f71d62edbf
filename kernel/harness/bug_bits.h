// bug_bits.h — the seeded-bug switches as bit sets, the one codec both
// tiers use: the host writes them into the workload blob
// (kernel/abi/workload_blob.h: kernel_bugs, manager_bugs), the guest reads
// them back, and the guest hands a manager program its bugs as one word.
// Invariant: bit i means the same switch on both sides; the values are part
// of the workload blob format (a change increments its kVersion).
// Platform-free.
#pragma once
#include <stdint.h>

#include "kernel/core/boot_config.h"
#include "managers/programs.h"

namespace sc {

constexpr uint32_t kBugOverwriteLiveRootCopy = 1, kBugRecoverIgnoringCuts = 2;
constexpr uint32_t kBugSkipFlushBeforeRoot = 1, kBugReuseRetiringBlocks = 2;

uint32_t kernel_bug_bits(const KernelBugs& bugs);
KernelBugs kernel_bugs_from_bits(uint64_t bits);
uint32_t manager_bug_bits(const ManagerBugs& bugs);
ManagerBugs manager_bugs_from_bits(uint64_t bits);

}  // namespace sc

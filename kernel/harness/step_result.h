// step_result.h — the result of one step of a workload locus program, in
// both tiers (locus_scheduler.h); in the guest also the first argument of
// the kLocusEndStep call (kernel/arch/riscv64/syscall_abi.h).
// Invariant: the values are part of the guest's locus-call ABI.
#pragma once
#include <stdint.h>

namespace sc {

enum class StepResult : uint64_t { progressed = 0, blocked = 1, done = 2 };

}  // namespace sc

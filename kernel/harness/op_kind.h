// op_kind.h — the numbering of workload ops, shared by both tiers: the
// in-process workload (injector/workload), the workload blob the QEMU tier
// sends (kernel/abi/workload_blob.h) and the guest's locus program.
// Invariant: the values are part of the blob format; never renumber.
#pragma once
#include <stdint.h>

namespace sc {

enum class OpKind : uint32_t { create = 0, write = 1, read = 2, stabilise = 3 };

}  // namespace sc

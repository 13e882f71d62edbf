// kernel_storage.h — where in-process Kernel objects live. A Kernel holds
// its 2 MiB of page frames inline, so a new one per Machine (every
// recording, every fuzz input) mapped fresh memory, and under ASan poisoned
// and quarantined 2 MiB, each time. Each thread keeps the storage of the
// last Kernel it destroyed and builds its next Kernel there.
// Interface: make_kernel(platform) -> KernelPtr, whose deleter destroys the
// Kernel and parks its storage.
// Invariants: every Kernel is constructed afresh in its storage (nothing of
// the previous one is read); parked storage is poisoned under ASan, so a
// use after destruction is still reported.
#pragma once
#include <memory>

#include "kernel/core/kernel.h"

namespace sc {

struct ParkKernelStorage {
  void operator()(Kernel* kernel) const noexcept;
};
using KernelPtr = std::unique_ptr<Kernel, ParkKernelStorage>;

KernelPtr make_kernel(Platform& platform);

}  // namespace sc

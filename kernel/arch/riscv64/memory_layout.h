// memory_layout.h — the physical and user-virtual address map of the
// riscv64 kernel on QEMU virt. Interface: constants only.
// Invariants: the kernel's code and read-only data sit in flash from
// 0x20000000 (QEMU's entry point when the flash bank is given), what it
// writes in RAM from kRamBase (kernel.ld); it runs untranslated in M-mode;
// pages from the end of the image up to kRamBase + kRamSize are handed out
// by page_alloc; the runner gives
// the guest at least kRamSize of RAM. User addresses are below 2^38.
// A U-mode context (a manager program or a workload locus, user_space.h)
// sees the kernel image's code and read-only data at their physical
// addresses, and its own regions at the fixed addresses below, far from
// the image and from each other so that a stray pointer faults.
#pragma once
#include <stdint.h>

namespace rv {

constexpr uint64_t kPageSize = 4096;
constexpr uint64_t kRamBase = 0x80000000;
constexpr uint64_t kRamSize = 64ULL << 20;

// U-mode address space of a self-test program (user.h).
constexpr uint64_t kUserCodeBase = 0x10000;         // code, read+execute
constexpr uint64_t kUserStackTop = 0x80000;         // one stack page below
constexpr uint64_t kUserDemandBase = 0x40000000;    // pages mapped on fault
constexpr uint64_t kUserDemandPages = 64;

// Regions of a U-mode context.
constexpr uint64_t kContextDataBase = 0x10000000;   // its objects, read+write
constexpr uint64_t kContextOpsBase = 0x50000000;    // a locus's op list, read-only
constexpr uint64_t kContextStackTop = 0x30000000;   // its stack grows down from here

// virtio-mmio transports on QEMU virt.
constexpr uint64_t kVirtioMmioBase = 0x10001000;
constexpr uint64_t kVirtioMmioStride = 0x1000;
constexpr int kVirtioMmioSlots = 8;

}  // namespace rv

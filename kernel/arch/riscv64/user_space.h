// user_space.h — building the address space of a U-mode context (a manager
// program or a workload locus): the kernel image's code and read-only data
// (kernel_image.h) plus the context's own regions at the fixed addresses of
// memory_layout.h.
// Interface: create_context_space() makes a space with only the image in
// it; map_region(space, va, pages, perms) backs [va, va + pages pages) with
// fresh zeroed pages and returns the kernel's pointer to them.
// Invariants: a region is one physically contiguous run, so any user
// buffer inside it passes AddressSpace::range(); regions of different
// contexts never share a page; nothing is ever unmapped (a context is built
// once per boot and reused).
#pragma once
#include <stdint.h>

#include "kernel/arch/riscv64/sv39.h"

namespace rv {

AddressSpace create_context_space();
uint8_t* map_region(AddressSpace& space, uint64_t va, uint64_t pages, uint64_t perms);

}  // namespace rv

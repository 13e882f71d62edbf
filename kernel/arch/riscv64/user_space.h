// user_space.h — building the address space of a U-mode context (a manager
// program or a workload locus): the kernel image's code and read-only data
// (kernel_image.h) plus the context's own regions at the fixed addresses of
// memory_layout.h.
// Interface: build_context(data_bytes, stack_pages) makes a space with the
// image, a read-write data region of data_bytes (rounded up to pages) at
// kContextDataBase and a read-write stack of stack_pages below
// kContextStackTop, and returns it with the kernel's pointers to both
// regions; clear_context() zeroes both regions again, for a context reused
// by a later boot; map_region(space, va, pages, perms) backs
// [va, va + pages pages) with fresh zeroed pages and returns the kernel's
// pointer to them.
// Invariants: a region is one physically contiguous run, so any user
// buffer inside it passes AddressSpace::range(); regions of different
// contexts never share a page; nothing is ever unmapped (a context is built
// once per machine reset and reused by later boots and steps).
#pragma once
#include <stdint.h>

#include "kernel/arch/riscv64/sv39.h"

namespace rv {

// A context's address space and its writable regions, as the kernel sees them.
struct ContextSpace {
  AddressSpace space;
  uint8_t* data = nullptr;   // the data region, seen at kContextDataBase
  uint64_t data_pages = 0;
  uint8_t* stack = nullptr;  // the stack's lowest page
  uint64_t stack_pages = 0;
};

ContextSpace build_context(uint64_t data_bytes, uint64_t stack_pages);
void clear_context(const ContextSpace& context);
uint8_t* map_region(AddressSpace& space, uint64_t va, uint64_t pages, uint64_t perms);

}  // namespace rv

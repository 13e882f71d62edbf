// kernel_image.h — the part of the kernel image that U-mode contexts see:
// its code (.text, read+execute) and read-only data (.rodata, read-only),
// mapped at their physical addresses so that the code pointers, vtables and
// literals compiled into the image are valid in U-mode. Manager programs
// and workload loci are compiled into the image and run from there.
// Interface: share_kernel_image(space) links these mappings into space.
// They live in level-0 tables built once per boot (at the first call) and
// shared by every context, so a new context costs one PTE per 2 MiB of
// image.
// Invariant: nothing else of the image is ever mapped for U-mode: not
// .data, .bss, the boot stack, nor any page after _end (kernel.ld keeps
// .text and .rodata page-aligned and apart from the rest).
#pragma once

#include "kernel/arch/riscv64/sv39.h"

namespace rv {

// False if space already maps something where the image is.
bool share_kernel_image(AddressSpace& space);

}  // namespace rv

// user_space.cpp — see user_space.h.
#include "kernel/arch/riscv64/user_space.h"

#include "kernel/arch/riscv64/csr.h"
#include "kernel/arch/riscv64/finisher.h"
#include "kernel/arch/riscv64/kernel_image.h"
#include "kernel/arch/riscv64/memory_layout.h"
#include "kernel/arch/riscv64/page_alloc.h"

namespace rv {

ContextSpace build_context(uint64_t data_bytes, uint64_t stack_pages) {
  ContextSpace c;
  c.space = AddressSpace::create();
  if (!share_kernel_image(c.space)) panic(FailCode::kernel_trap, "cannot share the kernel image");
  c.data_pages = (data_bytes + kPageSize - 1) / kPageSize;
  c.data = map_region(c.space, kContextDataBase, c.data_pages, kPteRead | kPteWrite);
  c.stack_pages = stack_pages;
  c.stack = map_region(c.space, kContextStackTop - stack_pages * kPageSize, stack_pages, kPteRead | kPteWrite);
  return c;
}

void clear_context(const ContextSpace& context) {
  zero_pages(context.data, context.data_pages);
  zero_pages(context.stack, context.stack_pages);
}

// The pages are allocated before any page table the mapping needs, so the
// run stays contiguous. A space in use gets its new pages through a flush.
uint8_t* map_region(AddressSpace& space, uint64_t va, uint64_t pages, uint64_t perms) {
  auto* run = static_cast<uint8_t*>(alloc_pages(pages));
  for (uint64_t i = 0; i < pages; ++i) {
    const uint64_t offset = i * kPageSize;
    if (!space.map(va + offset, reinterpret_cast<uint64_t>(run) + offset, perms))
      panic(FailCode::kernel_trap, "cannot map a context page at 0x%lx", va + offset);
  }
  if (csr_read(satp) == space.satp()) flush_tlb();
  return run;
}

}  // namespace rv

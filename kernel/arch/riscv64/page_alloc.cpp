// page_alloc.cpp — bump allocator over the free RAM; see page_alloc.h.
#include "kernel/arch/riscv64/page_alloc.h"

#include "kernel/arch/riscv64/finisher.h"
#include "kernel/arch/riscv64/memory_layout.h"
#include "kernel/core/bytes.h"

extern "C" char _end[];  // end of the kernel image (kernel.ld), page-aligned

namespace rv {

namespace {
uint64_t next_free = 0;
uint64_t handed_out = 0;
}  // namespace

void* alloc_page() {
  if (next_free == 0) next_free = reinterpret_cast<uint64_t>(_end);
  if (next_free + kPageSize > kRamBase + kRamSize)
    panic(FailCode::no_memory, "out of physical pages after %lu", handed_out);
  auto* page = reinterpret_cast<void*>(next_free);
  next_free += kPageSize;
  ++handed_out;
  sc::fill_bytes(page, 0, kPageSize);
  return page;
}

uint64_t pages_in_use() { return handed_out; }

}  // namespace rv

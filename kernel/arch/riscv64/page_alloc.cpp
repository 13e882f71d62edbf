// page_alloc.cpp — bump allocator over the free RAM; see page_alloc.h.
#include "kernel/arch/riscv64/page_alloc.h"

#include "kernel/arch/riscv64/finisher.h"
#include "kernel/arch/riscv64/memory_layout.h"

extern "C" char _end[];  // end of the kernel image (kernel.ld), page-aligned

namespace rv {

namespace {
uint64_t next_free = 0;
uint64_t handed_out = 0;
}  // namespace

// Zeroes with word stores: page tables and context stacks are allocated at
// every boot, so this is on the recovery path.
void* alloc_pages(uint64_t count) {
  if (next_free == 0) next_free = reinterpret_cast<uint64_t>(_end);
  const uint64_t left = (kRamBase + kRamSize - next_free) / kPageSize;
  if (count > left) panic(FailCode::no_memory, "out of physical pages after %lu (%lu wanted)", handed_out, count);
  auto* words = reinterpret_cast<uint64_t*>(next_free);
  for (uint64_t i = 0; i < count * kPageSize / 8; ++i) words[i] = 0;
  next_free += count * kPageSize;
  handed_out += count;
  return words;
}

uint64_t pages_in_use() { return handed_out; }

}  // namespace rv

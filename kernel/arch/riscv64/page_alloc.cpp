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

// Eight word stores a round: page tables and the regions of U-mode contexts
// are zeroed at every boot, so this is on the recovery path (a byte loop
// made a manager's address space cost 4x more).
void zero_pages(void* first, uint64_t count) {
  auto* words = static_cast<uint64_t*>(first);
  for (uint64_t* w = words; w != words + count * kPageSize / 8; w += 8) {
    w[0] = 0, w[1] = 0, w[2] = 0, w[3] = 0;
    w[4] = 0, w[5] = 0, w[6] = 0, w[7] = 0;
  }
}

void* alloc_pages(uint64_t count) {
  if (next_free == 0) next_free = reinterpret_cast<uint64_t>(_end);
  const uint64_t left = (kRamBase + kRamSize - next_free) / kPageSize;
  if (count > left) panic(FailCode::no_memory, "out of physical pages after %lu (%lu wanted)", handed_out, count);
  void* run = reinterpret_cast<void*>(next_free);
  zero_pages(run, count);
  next_free += count * kPageSize;
  handed_out += count;
  return run;
}

}  // namespace rv

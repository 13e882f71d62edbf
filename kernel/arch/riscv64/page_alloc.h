// page_alloc.h — the physical page pool: 4 KiB pages from the end of the
// kernel image to the end of RAM (memory_layout.h).
// Interface: alloc_pages(n) returns n zeroed, page-aligned, physically
// contiguous pages (alloc_page() one), or panics with FailCode::no_memory
// when the pool cannot give them; zero_pages(first, n) zeroes n pages from
// the page-aligned `first` (the pool's own fast loop, for reused pages).
// Invariant: pages are never freed (every run is short and ends by exiting
// QEMU or resetting the machine, which starts the pool afresh).
#pragma once
#include <stdint.h>

namespace rv {

void* alloc_pages(uint64_t count);
inline void* alloc_page() { return alloc_pages(1); }
void zero_pages(void* first, uint64_t count);

}  // namespace rv

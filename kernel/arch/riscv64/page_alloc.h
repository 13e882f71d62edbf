// page_alloc.h — the physical page pool: 4 KiB pages from the end of the
// kernel image to the end of RAM (memory_layout.h).
// Interface: alloc_page() returns a zeroed, page-aligned physical page, or
// panics with FailCode::no_memory when the pool is empty; pages_in_use()
// counts pages handed out. Invariant: pages are never freed yet (every run
// is short and ends by exiting QEMU).
#pragma once
#include <stdint.h>

namespace rv {

void* alloc_page();
uint64_t pages_in_use();

}  // namespace rv

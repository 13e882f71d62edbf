// page_service.h — the two page services every manager that keeps pages in
// disk blocks gives the kernel, written once for all of them:
//   supply_checked_block(sys, call, block, checksum): a page_fault upcall
//     served from one block of the partition, refused (Status::corrupt)
//     unless the block matches the checksum the manager recorded for it;
//   report_pages(sys, call, count, page_at, saved): an enumerate_pages
//     upcall: every saved page of call.target (entries 0..count-1 whose
//     page_at(i) returns true and sets the page), then every dirty page not
//     saved yet (saved(page) false).
// Freestanding, header-only (templates), usable by any manager program.
#pragma once
#include <stdint.h>

#include "kernel/core/checksum.h"
#include "kernel/core/limits.h"
#include "kernel/core/upcall.h"
#include "managers/sdk/sys.h"

namespace sc {

inline Status supply_checked_block(Sys& sys, const Upcall& call, uint64_t block, uint64_t checksum) {
  uint8_t data[kPageSize];
  const Status s = sys.disk_read(block, data);
  if (failed(s)) return s;
  if (checksum64(data, kPageSize) != checksum) return Status::corrupt;
  return sys.supply_page(call.target, call.page, data);
}

// page_at(i, &page): true if entry i is a page of call.target (then *page is it).
// saved(page): true if page of call.target is among the saved entries.
template <class PageAt, class Saved>
Status report_pages(Sys& sys, const Upcall& call, uint32_t count, PageAt page_at, Saved saved) {
  Status s = Status::ok;
  uint32_t page = 0;
  for (uint32_t i = 0; i < count && !failed(s); ++i)
    if (page_at(i, &page)) s = sys.report_page(call.target, page);
  uint32_t dirty[kMaxFrames];
  uint32_t dirty_count = 0;
  if (!failed(s)) s = sys.dirty_pages(call.target, dirty, &dirty_count);
  for (uint32_t i = 0; i < dirty_count && !failed(s); ++i)
    if (!saved(dirty[i])) s = sys.report_page(call.target, dirty[i]);
  return s;
}

}  // namespace sc

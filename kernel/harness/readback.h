// readback.h — reads one container's recovered state out of a booted kernel,
// the one copy both tiers use: the pages its manager reports (collected by
// the platform's PageCollector) and the checksum64 of each page as read
// through the fault path. A page that cannot be read has hash
// kUnreadablePageHash.
// Interface: read_back_container() calls sink.container() once with the
// page count, then sink.page() per page in ascending order; it returns the
// manager's refusal to enumerate, or Status::no_space when the manager
// reported more than kMaxReportedPages pages (then the sink hears nothing).
// Platform-free.
#pragma once
#include <stdint.h>

#include "kernel/core/kernel.h"
#include "kernel/harness/page_collector.h"

namespace sc {

constexpr uint64_t kUnreadablePageHash = 0;

class ReadbackSink {
 public:
  virtual void container(ContainerId id, uint32_t page_count) = 0;
  virtual void page(ContainerId id, uint32_t page, uint64_t hash) = 0;

 protected:
  ~ReadbackSink() = default;
};

// Asks the manager of `id` for its page list into `collector`.
Status collect_pages(Kernel& kernel, PageCollector& collector, ContainerId id);

// `buf` is a page-sized scratch buffer.
Status read_back_container(Kernel& kernel, PageCollector& collector, ContainerId id, uint8_t* buf,
                           ReadbackSink& sink);

}  // namespace sc

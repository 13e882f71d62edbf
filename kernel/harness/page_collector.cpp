// page_collector.cpp — see page_collector.h.
#include "kernel/harness/page_collector.h"

namespace sc {

void PageCollector::start() {
  collecting_ = true;
  count_ = 0;
  overflow_ = false;
}

// Inserts `page` in ascending order unless present.
void PageCollector::report(uint32_t page) {
  if (!collecting_) return;
  uint32_t i = count_;
  while (i > 0 && pages_[i - 1] > page) --i;
  if (i > 0 && pages_[i - 1] == page) return;
  if (count_ == kMaxReportedPages) {
    overflow_ = true;
    return;
  }
  for (uint32_t j = count_; j > i; --j) pages_[j] = pages_[j - 1];
  pages_[i] = page;
  ++count_;
}

}  // namespace sc

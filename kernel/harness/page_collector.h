// page_collector.h — the pages a manager reports while the kernel asks it to
// enumerate a container (Platform::page_reported), kept ascending and
// without repeats. Both tiers' platforms own one and share its limit.
// Interface: start() begins a fresh list, stop() ends collecting and keeps
// the list; report() is ignored outside start()..stop().
// Invariant: at most kMaxReportedPages distinct pages are kept; one more
// sets overflow() (readback then refuses with Status::no_space). Platform-free.
#pragma once
#include <stdint.h>

namespace sc {

constexpr uint32_t kMaxReportedPages = 4096;

class PageCollector {
 public:
  void start();
  void stop() { collecting_ = false; }
  void report(uint32_t page);

  const uint32_t* pages() const { return pages_; }
  uint32_t count() const { return count_; }
  bool overflow() const { return overflow_; }

 private:
  bool collecting_ = false;
  bool overflow_ = false;
  uint32_t count_ = 0;
  uint32_t pages_[kMaxReportedPages] = {};
};

}  // namespace sc

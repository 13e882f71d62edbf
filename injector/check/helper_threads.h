// helper_threads.h — HelperThreads: the threads that help the calling thread
// of an exploration on the cores a CoreShare lends (core_share.h), at most
// one per core beyond the caller's, each started only when a core is idle
// (add_if_idle(), which the calling thread calls between cuts): a campaign
// whose every core is busy starts none. Each runs `help`, which must return
// once `over` is set (CoreShare::borrow() returns false then). The
// destructor sets `over`, wakes the helpers waiting for a core and joins
// them, however the calling thread leaves. A thread the system refuses to
// start is done without.
#pragma once
#include <atomic>
#include <functional>
#include <system_error>
#include <thread>
#include <vector>

#include "injector/check/core_share.h"

namespace sc {

class HelperThreads {
 public:
  HelperThreads(CoreShare& cores, std::atomic<bool>& over, std::function<void()> help)
      : cores_(cores), over_(over), help_(std::move(help)) {}
  ~HelperThreads() {
    over_ = true;
    cores_.wake();
    for (auto& t : threads_) t.join();
  }
  HelperThreads(const HelperThreads&) = delete;
  HelperThreads& operator=(const HelperThreads&) = delete;

  void add_if_idle() {
    if (threads_.size() + 1 >= cores_.cores() || !cores_.idle()) return;
    try {
      threads_.emplace_back(help_);
    } catch (const std::system_error&) {
    }
  }

 private:
  CoreShare& cores_;
  std::atomic<bool>& over_;
  std::function<void()> help_;
  std::vector<std::thread> threads_;
};

}  // namespace sc

// core_share.cpp — see core_share.h.
#include "injector/check/core_share.h"

#include <algorithm>

namespace sc {

CoreShare::CoreShare(size_t cores) : cores_(std::max<size_t>(1, cores)), free_(cores_) {}

size_t CoreShare::owners_waiting() {
  std::lock_guard guard(lock_);
  return owners_waiting_;
}

bool CoreShare::idle() {
  std::lock_guard guard(lock_);
  return free_ > 0 && owners_waiting_ == 0;
}

void CoreShare::hold() {
  std::unique_lock guard(lock_);
  ++owners_waiting_;
  changed_.wait(guard, [this] { return free_ > 0; });
  --owners_waiting_;
  --free_;
  const bool lendable = free_ > 0 && owners_waiting_ == 0;
  guard.unlock();
  if (lendable) changed_.notify_all();  // borrowers that saw this owner waiting may take the rest
}

bool CoreShare::borrow(const std::atomic<bool>& over) {
  std::unique_lock guard(lock_);
  changed_.wait(guard, [&] { return over.load() || (free_ > 0 && owners_waiting_ == 0); });
  if (over.load()) return false;
  --free_;
  return true;
}

void CoreShare::give_back() {
  {
    std::lock_guard guard(lock_);
    ++free_;
  }
  changed_.notify_all();
}

void CoreShare::wake() {
  { std::lock_guard guard(lock_); }  // a borrower between its check and its wait sees the flag
  changed_.notify_all();
}

}  // namespace sc

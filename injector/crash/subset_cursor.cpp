// subset_cursor.cpp — see subset_cursor.h.
#include "subset_cursor.h"

#include <algorithm>

namespace sc::crash {

void SubsetCursor::reset(size_t n, size_t k) {
  n_ = n;
  k_ = std::min(k, n);
  size_ = 0;
  started_ = false;
  if (chosen_.size() < k_) chosen_.resize(k_);
}

bool SubsetCursor::next() {
  if (!started_) {
    started_ = true;
    return true;  // the empty subset
  }
  if (advance_within_size()) return true;
  if (size_ == k_) return false;
  ++size_;
  for (size_t i = 0; i < size_; ++i) chosen_[i] = i;
  return true;
}

// Next combination of the same size: bump the rightmost index that can move.
bool SubsetCursor::advance_within_size() {
  for (size_t i = size_; i-- > 0;) {
    if (chosen_[i] < n_ - size_ + i) {
      ++chosen_[i];
      for (size_t j = i + 1; j < size_; ++j) chosen_[j] = chosen_[j - 1] + 1;
      return true;
    }
  }
  return false;
}

}  // namespace sc::crash

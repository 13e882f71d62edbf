// subset_cursor.cpp — see subset_cursor.h. A with_newest walk of (n, k) is
// the plain walk of (n - 1, k - 1) with n - 1 appended to every subset.
#include "subset_cursor.h"

#include <algorithm>

namespace sc::crash {

namespace {

// Subsets of {0..n-1} of size 0..k.
uint64_t subsets_up_to(size_t n, size_t k) {
  uint64_t total = 0, choose = 1;  // choose = C(n, i)
  for (size_t i = 0; i <= std::min(k, n); ++i) {
    total += choose;
    choose = choose * (n - i) / (i + 1);
  }
  return total;
}

}  // namespace

void SubsetCursor::reset(size_t n, size_t k, bool with_newest) {
  with_newest_ = with_newest;
  empty_ = with_newest && (n == 0 || k == 0);
  left_out_ = with_newest ? (n == 0 ? 0 : subsets_up_to(n - 1, k)) : 0;
  n_ = with_newest && n > 0 ? n - 1 : n;
  k_ = std::min(with_newest && k > 0 ? k - 1 : k, n_);
  size_ = 0;
  started_ = false;
  if (chosen_.size() < k_ + 1) chosen_.resize(k_ + 1);
  if (with_newest_) chosen_[0] = n_;
}

bool SubsetCursor::next() {
  if (empty_) return false;
  if (!started_) {
    started_ = true;
    return true;  // the empty subset (with_newest: {n - 1})
  }
  if (advance_within_size()) return true;
  if (size_ == k_) return false;
  ++size_;
  for (size_t i = 0; i < size_; ++i) chosen_[i] = i;
  if (with_newest_) chosen_[size_] = n_;
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

// subset_cursor.cpp — see subset_cursor.h. A with_newest walk of (n, k) is
// the plain walk of (n - 1, k - 1) with n - 1 appended to every subset.
#include "subset_cursor.h"

#include <algorithm>
#include <span>

namespace sc::crash {

namespace {

uint64_t choose(size_t n, size_t r) {
  if (r > n) return 0;
  uint64_t c = 1;
  for (size_t i = 0; i < r; ++i) c = c * (n - i) / (i + 1);
  return c;
}

// Subsets of {0..n-1} of size 0..k.
uint64_t subsets_up_to(size_t n, size_t k) {
  uint64_t total = 0;
  for (size_t i = 0; i <= std::min(k, n); ++i) total += choose(n, i);
  return total;
}

// Position of the subset c (increasing) among the subsets of {0..n-1} of
// its size, in lexicographic order.
uint64_t lexicographic_rank(std::span<const size_t> c, size_t n) {
  uint64_t below = 0;
  for (size_t i = 0; i < c.size(); ++i) below += choose(n - 1 - c[i], c.size() - i);
  return choose(n, c.size()) - 1 - below;
}

// Position of the subset c in the walk of the subsets of {0..n-1} by size, then lexicographically.
uint64_t walk_position(std::span<const size_t> c, size_t n) {
  return subsets_up_to(n, c.size()) - choose(n, c.size()) + lexicographic_rank(c, n);
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
  done_ = false;
  if (chosen_.size() < k_ + 1) chosen_.resize(k_ + 1);
  if (with_newest_) chosen_[0] = n_;
}

bool SubsetCursor::next() {
  if (empty_ || done_) {
    done_ = true;
    return false;
  }
  if (!started_) {
    started_ = true;
    return true;  // the empty subset (with_newest: {n - 1})
  }
  if (advance_within_size()) return true;
  if (size_ == k_) {
    done_ = true;
    return false;
  }
  ++size_;
  for (size_t i = 0; i < size_; ++i) chosen_[i] = i;
  if (with_newest_) chosen_[size_] = n_;
  return true;
}

// The full walk of (n_ + 1, k) reaches current() = T + {n_} after every
// subset before it there, of which those with n_ are the T' + {n_} for the
// T' before T in this walk of (n_, k - 1).
uint64_t SubsetCursor::left_out_before() const {
  if (!with_newest_ || done_ || !started_) return done_ ? left_out_ : 0;
  const std::span<const size_t> subset = current();
  const uint64_t walked_before = walk_position(subset, n_ + 1);
  const uint64_t with_newest_before = walk_position(subset.first(size_), n_);
  return walked_before - with_newest_before;
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

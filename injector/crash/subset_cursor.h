// subset_cursor.h — walks every subset of {0..n-1} of size 0..k, smallest
// sizes first, each size in lexicographic order (the exhaustive part of the
// reorder mode). Interface: reset(n, k), then next() until it returns false;
// current() is the subset, in increasing order. Allocates only when k grows.
#pragma once
#include <cstddef>
#include <span>
#include <vector>

namespace sc::crash {

class SubsetCursor {
 public:
  void reset(size_t n, size_t k);
  bool next();
  std::span<const size_t> current() const { return {chosen_.data(), size_}; }

 private:
  bool advance_within_size();

  size_t n_ = 0;
  size_t k_ = 0;
  size_t size_ = 0;
  bool started_ = false;
  std::vector<size_t> chosen_;
};

}  // namespace sc::crash

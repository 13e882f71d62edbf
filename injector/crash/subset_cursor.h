// subset_cursor.h — walks every subset of {0..n-1} of size 0..k, smallest
// sizes first, each size in lexicographic order (the exhaustive part of the
// reorder mode), or only those of them that contain n-1 (with_newest), in
// the same order: the enumerator's walk at a cut that differs from the one
// before it only by one more write in flight, whose other subsets were all
// walked there.
// Interface: reset(n, k[, with_newest]), then next() until it returns false;
// current() is the subset, in increasing order; left_out() counts the
// subsets of size 0..k a with_newest walk leaves out, and left_out_before()
// those of them the full walk would have walked before current() (all of
// them once next() returned false), so a caller counts them exactly where
// the full walk would have. Allocates only when k grows.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace sc::crash {

class SubsetCursor {
 public:
  void reset(size_t n, size_t k, bool with_newest = false);
  bool next();
  std::span<const size_t> current() const { return {chosen_.data(), size_ + (with_newest_ ? 1 : 0)}; }
  uint64_t left_out() const { return left_out_; }
  uint64_t left_out_before() const;

 private:
  bool advance_within_size();

  size_t n_ = 0;  // the walk's own range: n - 1 with_newest, whose n - 1 is appended
  size_t k_ = 0;
  size_t size_ = 0;
  bool started_ = false;
  bool done_ = false;
  bool with_newest_ = false;
  bool empty_ = false;  // with_newest and nothing to walk (n == 0 or k == 0)
  uint64_t left_out_ = 0;
  std::vector<size_t> chosen_;
};

}  // namespace sc::crash

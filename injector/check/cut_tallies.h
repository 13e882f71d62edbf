// cut_tallies.h — CutTallies: what the threads of explore_by_cuts.h judged,
// one tally per claimed cut, summed in enumeration order at the end.
// Interface: a thread claim()s a cut (true for the first thread to ask),
// tallies its states into a CutTally and add()s it; stop_after(i) asks every
// thread to end at enumeration index i; sum() adds the tallies that start at
// or before that index, in enumeration order, so a first illegal state and
// the first failure of each signature are those of the sequential loop.
// Invariants: thread-safe; a cut is claimed by at most one thread; sum() is
// called once every thread has ended.
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "injector/check/explore_result.h"

namespace sc {

// The states of one cut one thread judged: from enumeration index `first`
// on, tallied as if the exploration began there (first_illegal counts from
// the cut's first state).
struct CutTally {
  uint64_t first = 0;
  ExploreResult result;
};

class CutTallies {
 public:
  explicit CutTallies(size_t cuts);

  bool claim(size_t cut);
  bool claimed(size_t cut) const { return claims_[cut].load(std::memory_order_relaxed); }
  void add(CutTally tally);

  void stop_after(uint64_t index);
  uint64_t stop_index() const { return stop_index_.load(); }

  ExploreResult sum();

 private:
  std::unique_ptr<std::atomic<bool>[]> claims_;
  std::atomic<uint64_t> stop_index_{UINT64_MAX};
  std::mutex lock_;
  std::vector<CutTally> tallies_;
};

// Adds `more`, judged after everything in `into`, to `into`.
void add_result(ExploreResult&& more, ExploreResult* into);

}  // namespace sc

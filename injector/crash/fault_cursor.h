// fault_cursor.h — draws the image-fault states of one cut (crash_model.h,
// FAULT CLASSES) for the enumerator. For each enabled image fault mode, in
// Mode order, it yields `samples` states; sample s starts from the prefix
// state of the cut (nothing in flight kept) when s is even, and from the one
// with every in-flight write kept whole when s is odd, and adds `faults`
// faults of the mode, each drawn from the Prng among those worth drawing:
//   lying-flush     the last FLUSH before the cut, or a FUA write after it
//                   (a lie about an earlier FLUSH is covered by a later one).
//                   These candidates are few, so they are not sampled but
//                   enumerated: 2 states per candidate (s / 2 names it, both
//                   bases), whatever `samples`; with faults > 1 the other
//                   lies of each state are drawn;
//   misdirected     a durable write, landing at a random other place inside
//                   the trace's written extent (the enumerator knows no
//                   partitions; the written extent holds the kernel area and
//                   every manager's);
//   lost-write      a durable write;
//   bit-rot         a random bit of a random sector of a durable write;
//   sub-sector-tear a random sector of an in-flight write, keeping 1..511 bytes.
// A mode with nothing to draw at this cut yields nothing; a drawn fault with
// the same target as one already in the state (same_target()) is dropped. Interface: reset() at each cut,
// then next() until false. Invariant: with no image fault mode enabled,
// reset() and next() do no work (the power-cut path does not pay).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "crash_model.h"
#include "durable_state.h"
#include "kernel/core/prng.h"
#include "trace.h"

namespace sc::crash {

class FaultCursor {
 public:
  FaultCursor(const Trace& trace, ModeSet modes);
  void reset(const DurableState& durable, uint32_t samples);
  bool next(const DurableState& durable, Prng& prng, uint32_t faults, CrashState& state);

 private:
  uint32_t samples_of(Mode mode) const;
  bool draw(Mode mode, const DurableState& durable, Prng& prng, Fault* out) const;
  bool draw_durable_write(Prng& prng, size_t* out) const;
  bool draw_misdirected(Prng& prng, Fault* out) const;

  const Trace* trace_;
  std::vector<Mode> modes_;
  uint64_t extent_begin_ = 0;
  uint64_t extent_end_ = 0;
  size_t scanned_ = 0;                // requests before the cut already looked at
  std::vector<size_t> writes_;        // every write before the cut
  size_t writes_before_flush_ = 0;    // how many of them precede the last FLUSH
  std::vector<size_t> lie_candidates_;
  size_t mode_index_ = 0;
  uint32_t samples_ = 0;
  uint32_t sample_ = 0;
};

}  // namespace sc::crash

// torn_cursor.h — walks the torn crash states of one cut: each in-flight write
// torn by each of its masks, once alone and once with every earlier in-flight
// write kept whole (the second is skipped for the first in-flight write, where
// it is the same state). Masks of a write with m chunks (crash_model.h): every
// proper nonempty subset when m <= 4, otherwise the prefix tears of 1..m-1
// chunks and then `samples` random proper nonempty masks from the Prng.
// Interface: reset(in_flight, passed_from), then next() until false; each
// state is position() torn by mask(), with every earlier write kept whole if
// with_earlier(); fill() writes it as kept writes in increasing request
// order (only when needed: most tears repeat an image). The in-flight span
// must stay valid meanwhile. The states of a write at a position below passed_from with a
// deterministic mask (every mask of m <= 4 chunks, the prefix tears) are
// passed over, not filled: the caller knows them to be duplicates (the cut
// before enumerated them on the same image); passed_over() counts those the
// full walk would have filled since it was last asked. Random masks are still
// drawn and filled, so the Prng sequence is the full walk's.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "crash_model.h"
#include "kernel/core/prng.h"
#include "trace.h"

namespace sc::crash {

class TornCursor {
 public:
  void reset(std::span<const size_t> in_flight, size_t passed_from = 0);
  bool next(const Trace& trace, Prng& prng, uint32_t samples);
  size_t position() const { return position_; }  // in durable.in_flight()
  uint64_t mask() const { return mask_; }
  bool with_earlier() const { return with_earlier_; }
  void fill(std::vector<KeptWrite>& kept) const;
  uint64_t passed_over();  // states passed over since the last call

 private:
  bool next_mask(uint32_t chunks, Prng& prng, uint32_t samples);
  bool passes_over() const { return position_ < passed_from_ && deterministic_; }

  std::span<const size_t> in_flight_;
  size_t position_ = 0;
  uint64_t mask_index_ = 0;
  uint64_t mask_ = 0;
  bool with_earlier_pending_ = false;
  bool with_earlier_ = false;
  bool deterministic_ = false;  // mask_ is not a random draw
  size_t passed_from_ = 0;
  uint64_t passed_over_ = 0;
};

}  // namespace sc::crash

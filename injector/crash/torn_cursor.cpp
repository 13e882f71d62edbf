// torn_cursor.cpp — see torn_cursor.h.
#include "torn_cursor.h"

#include <utility>

namespace sc::crash {

namespace {
constexpr uint32_t kExhaustiveChunks = 4;

uint64_t random_proper_mask(uint32_t chunks, Prng& prng) {
  const uint64_t full = chunks >= 64 ? kWholeWrite : (uint64_t{1} << chunks) - 1;
  for (;;) {
    const uint64_t mask = prng.next() & full;
    if (mask != 0 && mask != full) return mask;
  }
}
}  // namespace

void TornCursor::reset(std::span<const size_t> in_flight, size_t passed_from) {
  in_flight_ = in_flight;
  position_ = 0;
  mask_index_ = 0;
  with_earlier_pending_ = false;
  passed_from_ = passed_from;
  passed_over_ = 0;
}

uint64_t TornCursor::passed_over() { return std::exchange(passed_over_, 0); }

bool TornCursor::next(const Trace& trace, Prng& prng, uint32_t samples) {
  while (position_ < in_flight_.size()) {
    if (with_earlier_pending_) {
      with_earlier_pending_ = false;
      with_earlier_ = true;
      return true;
    }
    const uint32_t chunks = chunk_count(trace.requests()[in_flight_[position_]].count);
    if (next_mask(chunks, prng, samples)) {
      if (passes_over()) {
        passed_over_ += position_ > 0 ? 2 : 1;  // alone, and with every earlier write
        continue;
      }
      with_earlier_pending_ = position_ > 0;
      with_earlier_ = false;
      return true;
    }
    ++position_;
    mask_index_ = 0;
  }
  return false;
}

bool TornCursor::next_mask(uint32_t chunks, Prng& prng, uint32_t samples) {
  if (chunks < 2) return false;
  const uint64_t i = mask_index_++;
  deterministic_ = true;
  if (chunks <= kExhaustiveChunks) {
    mask_ = i + 1;
    return mask_ < (uint64_t{1} << chunks) - 1;
  }
  if (i + 1 < chunks) {
    mask_ = (uint64_t{1} << (i + 1)) - 1;
    return true;
  }
  if (i + 1 - chunks >= samples) return false;
  deterministic_ = false;
  mask_ = random_proper_mask(chunks, prng);
  return true;
}

void TornCursor::fill(std::vector<KeptWrite>& kept) const {
  kept.clear();
  if (with_earlier_)
    for (size_t p = 0; p < position_; ++p) kept.push_back({in_flight_[p], kWholeWrite});
  kept.push_back({in_flight_[position_], mask_});
}

}  // namespace sc::crash

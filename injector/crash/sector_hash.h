// sector_hash.h — the image fingerprint used to recognise identical crash
// images without comparing bytes.
// A sector contributes sector_hash(sector, content) if its content differs
// from the base image, and 0 otherwise; an image's fingerprint is the sum
// (mod 2^64) of the contributions of all its sectors. The sum is independent
// of order and can be updated by subtracting the old contribution and adding
// the new one, so a crash state costs O(its delta). Equal fingerprints are
// taken as equal images (64-bit hash; collisions are possible but unlikely).
// TraceHashes precomputes the contribution of every written sector of a
// trace, or of the writes before request `requests` only (what a crash
// image of a cut at or before it can hold: build_crash_image()); asking for
// a sector past those is a logic error (asserted).
#pragma once
#include <cassert>
#include <cstdint>
#include <limits>
#include <vector>

#include "trace.h"

namespace sc::crash {

uint64_t sector_hash(uint64_t sector, const uint8_t* content);

// Contribution of `content` at `sector` over the trace's base image.
uint64_t sector_contribution(const Trace& trace, uint64_t sector, const uint8_t* content);

// Index of sector j of write `r` among the 512-byte sectors of the payload.
inline uint64_t payload_sector(const Request& r, uint32_t j) {
  return r.payload_offset / kSectorSize + j;
}

class TraceHashes {
 public:
  explicit TraceHashes(const Trace& trace, size_t requests = std::numeric_limits<size_t>::max());
  uint64_t contribution(uint64_t payload_sector) const {
    assert(payload_sector < contribution_.size());
    return contribution_[payload_sector];
  }

 private:
  std::vector<uint64_t> contribution_;
};

}  // namespace sc::crash

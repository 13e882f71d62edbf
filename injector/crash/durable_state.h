// durable_state.h — the durable layer of a trace as the cut advances: for each
// sector, the newest durable write covering it, plus the list of writes in
// flight at the current cut and the fingerprint of the durable image.
// Interface: advance() executes request cut() (so the state moves from cut i
// to cut i+1); advance_to(i) moves forward to cut i. Built incrementally: one
// instance is shared by every crash state of a cut and by all later cuts.
// Invariants: entries point into the trace payload (no sector data is
// copied); in_flight() is in increasing request order; the Trace and
// TraceHashes must outlive this object.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "sector_hash.h"
#include "trace.h"

namespace sc::crash {

struct DurableEntry {
  size_t request;           // the write that put this content here
  uint64_t payload_sector;  // where its 512 bytes are in the trace payload
  uint64_t contribution;    // fingerprint contribution (sector_hash.h)
};

class DurableState {
 public:
  DurableState(const Trace& trace, const TraceHashes& hashes);

  size_t cut() const { return cut_; }
  void advance();
  void advance_to(size_t cut);

  const DurableEntry* find(uint64_t sector) const;
  const std::unordered_map<uint64_t, DurableEntry>& entries() const { return entries_; }
  std::span<const size_t> in_flight() const { return in_flight_; }
  uint64_t fingerprint() const { return fingerprint_; }
  const Trace& trace() const { return *trace_; }
  const TraceHashes& hashes() const { return *hashes_; }

 private:
  void make_durable(size_t request);

  const Trace* trace_;
  const TraceHashes* hashes_;
  size_t cut_ = 0;
  std::unordered_map<uint64_t, DurableEntry> entries_;
  std::vector<size_t> in_flight_;
  uint64_t fingerprint_ = 0;
};

}  // namespace sc::crash

// cut_table.h — CutTable: what the writes in flight at one cut can leave on
// the media, laid out once per cut so that no crash state's delta needs a
// lookup in the durable layer or, usually, a sort:
//  * kept writes that overlap no other in-flight write (the common case) are
//    copied in order of their first sector, each write's sectors already in
//    order, with its fingerprint change precomputed when kept whole;
//  * otherwise a state keeping few sectors gathers and sorts just those, and
//    one keeping many takes one pass over all the cut's in-flight sectors.
// Interface: build(durable) lays out durable.cut()'s in-flight sectors;
// delta(kept, out) fills `out` exactly as build_delta() (crash_image.h)
// would for the same kept writes and returns the same fingerprint.
// Invariants: entries are sorted by sector, newest write first within a
// sector; a sector a newer durable write covers is left out (no crash state
// of the cut can show the older in-flight content there); the DurableState
// must stay at the cut it was built for while delta() is used.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "crash_image.h"
#include "crash_model.h"
#include "durable_state.h"

namespace sc::crash {

class CutTable {
 public:
  void build(const DurableState& durable);
  uint64_t delta(std::span<const KeptWrite> kept, std::vector<DeltaEntry>& out);

 private:
  struct Entry {
    DeltaEntry delta;
    uint64_t below;     // contribution of the durable content it replaces (0: none)
    uint32_t position;  // of its write in durable.in_flight()
    uint32_t index;     // sector within its write
    uint32_t count;     // sectors of its write
  };
  struct Write {
    uint64_t start = 0;          // its first sector
    size_t first = 0, end = 0;   // its entries in by_write_
    uint64_t whole_change = 0;   // fingerprint change when kept whole
    bool overlaps = false;       // shares a sector range with another in-flight write
  };

  void lay_out_writes();
  void mark_overlaps();
  // Each fills `out` and returns the change to the durable fingerprint.
  uint64_t copy_in_sector_order(std::vector<DeltaEntry>& out);
  uint64_t gather_and_sort(std::vector<DeltaEntry>& out);
  uint64_t scan_all(std::vector<DeltaEntry>& out) const;
  uint64_t copy_write(size_t position, std::vector<DeltaEntry>& out) const;

  const DurableState* durable_ = nullptr;
  std::vector<Entry> entries_;        // sorted by sector, newest first
  std::vector<Entry> by_write_;       // by in-flight position, then sector within the write
  std::vector<Write> writes_;         // by in-flight position
  std::vector<uint32_t> by_start_;    // in-flight positions by first sector
  std::vector<uint64_t> masks_;       // by in-flight position: the kept mask, 0 when not kept
  std::vector<uint32_t> kept_;        // positions of the state's kept writes
  std::vector<Entry> gathered_;       // gather_and_sort()'s scratch
};

}  // namespace sc::crash

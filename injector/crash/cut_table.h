// cut_table.h — CutTable: what the writes in flight at one cut can leave on
// the media, laid out once per cut so that a crash state is decided from its
// fingerprint and a few provenances, and its delta is built only when asked
// for (a recovery; most states are recalled: injector/check/recovery_memo.h):
//  * the fingerprint of a state whose kept writes overlap no other in-flight
//    write (the common case) is the sum of each kept write's precomputed
//    change (per sector when torn), with no delta built;
//  * its delta is then the kept writes copied in order of their first
//    sector, each write's sectors already in order;
//  * otherwise the delta is built at once: a state keeping few sectors
//    gathers and sorts just those, one keeping many takes one pass over all
//    the cut's in-flight sectors.
// Interface: build(durable) lays out durable.cut()'s in-flight sectors;
// select(kept) makes the state keeping `kept` the current one and returns
// the fingerprint build_delta() (crash_image.h) would; select_tear(p, mask,
// with_earlier) does the same for the write at in-flight position p kept
// with `mask`, and every earlier in-flight write kept whole if with_earlier,
// in O(1) when none of them overlaps another write (a prefix sum of the
// writes' changes) instead of O(p); delta() is its delta
// exactly as build_delta() fills it; provenance(sector) names the content
// the current state leaves there (DeltaSource, crash_image.h).
// Invariants: entries are sorted by sector, newest write first within a
// sector; a sector a newer durable write covers is left out (no crash state
// of the cut can show the older in-flight content there); the DurableState
// must stay at the cut it was built for while the table is used; delta()
// and provenance() describe the state of the last select().
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "crash_image.h"
#include "crash_model.h"
#include "durable_state.h"

namespace sc::crash {

class CutTable final : public DeltaSource {
 public:
  void build(const DurableState& durable);
  uint64_t select(std::span<const KeptWrite> kept);
  uint64_t select_tear(size_t position, uint64_t mask, bool with_earlier);
  std::span<const DeltaEntry> delta() const override;
  uint64_t provenance(uint64_t sector) const override;

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
  void sum_prefixes();
  void clear_selection();
  uint64_t kept_change(size_t position) const;
  uint64_t mask_of(size_t position) const { return position < whole_below_ ? kWholeWrite : masks_[position]; }
  // Fill delta_ with the selected state's kept sectors (no overlaps: the
  // fingerprint is select()'s sum).
  void copy_in_sector_order() const;
  void copy_write(size_t position) const;
  // Each fills delta_ and returns the change to the durable fingerprint.
  uint64_t gather_and_sort() const;
  uint64_t scan_all() const;

  const DurableState* durable_ = nullptr;
  std::vector<Entry> entries_;        // sorted by sector, newest first
  std::vector<Entry> by_write_;       // by in-flight position, then sector within the write
  std::vector<Write> writes_;         // by in-flight position
  std::vector<uint32_t> by_start_;    // in-flight positions by first sector
  std::vector<uint64_t> prefix_change_;  // [p]: sum of whole_change of the writes at positions < p
  size_t first_overlap_ = 0;             // the first position whose write overlaps another (or their count)
  std::vector<uint64_t> masks_;       // by in-flight position: the kept mask, 0 when not kept
  std::vector<uint32_t> kept_;        // positions of the selected state's kept writes
  size_t whole_below_ = 0;            // besides kept_: every write at a lower position is kept whole
  std::vector<KeptWrite> tear_kept_;  // select_tear()'s state as kept writes, when it overlaps
  bool overlaps_ = false;             // some kept write overlaps another in-flight write
  mutable bool built_ = false;        // delta_ holds the selected state's delta
  mutable std::vector<DeltaEntry> delta_;
  mutable std::vector<uint32_t> sorted_kept_;  // copy_in_sector_order()'s scratch
  mutable std::vector<Entry> gathered_;        // gather_and_sort()'s scratch
};

}  // namespace sc::crash

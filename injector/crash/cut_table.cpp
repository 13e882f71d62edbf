// cut_table.cpp — see cut_table.h.
#include "cut_table.h"

#include <algorithm>

namespace sc::crash {

namespace {

bool newest_first(const DeltaEntry& a, const DeltaEntry& b) {
  return a.sector != b.sector ? a.sector < b.sector : a.request > b.request;
}

// A state keeping fewer sectors than 1/kSparse of the cut's gathers and sorts them.
constexpr uint64_t kSparse = 8;

}  // namespace

void CutTable::build(const DurableState& durable) {
  durable_ = &durable;
  lay_out_writes();
  mark_overlaps();
  sum_prefixes();
  entries_ = by_write_;
  std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return newest_first(a.delta, b.delta); });
  masks_.assign(writes_.size(), 0);
  kept_.clear();
  overlaps_ = false;
  built_ = false;
}

void CutTable::lay_out_writes() {
  const auto in_flight = durable_->in_flight();
  by_write_.clear();
  writes_.assign(in_flight.size(), Write{});
  for (uint32_t p = 0; p < in_flight.size(); ++p) {
    const Request& r = durable_->trace().requests()[in_flight[p]];
    writes_[p].first = by_write_.size();
    writes_[p].start = r.sector;
    for (uint32_t j = 0; j < r.count; ++j) {
      const DurableEntry* below = durable_->find(r.sector + j);
      if (below && below->request > in_flight[p]) continue;
      const uint64_t ps = payload_sector(r, j);
      const Entry e{DeltaEntry{r.sector + j, in_flight[p], ps, durable_->hashes().contribution(ps)},
                    below ? below->contribution : 0, p, j, r.count};
      writes_[p].whole_change += e.delta.contribution - e.below;
      by_write_.push_back(e);
    }
    writes_[p].end = by_write_.size();
  }
}

// Sorts the writes by first sector; a run of writes whose ranges chain into
// one another overlaps (conservatively: every write of the run is marked).
void CutTable::mark_overlaps() {
  const auto in_flight = durable_->in_flight();
  const auto& requests = durable_->trace().requests();
  by_start_.resize(in_flight.size());
  for (uint32_t p = 0; p < in_flight.size(); ++p) by_start_[p] = p;
  std::sort(by_start_.begin(), by_start_.end(), [&](uint32_t a, uint32_t b) { return writes_[a].start < writes_[b].start; });
  size_t run = 0;
  uint64_t run_end = 0;
  for (size_t i = 0; i <= by_start_.size(); ++i) {
    const Request* r = i < by_start_.size() ? &requests[in_flight[by_start_[i]]] : nullptr;
    if (r && i > run && r->sector < run_end) {
      run_end = std::max(run_end, r->sector + r->count);
      continue;
    }
    if (i - run > 1)
      for (size_t j = run; j < i; ++j) writes_[by_start_[j]].overlaps = true;
    run = i;
    if (r) run_end = r->sector + r->count;
  }
}

void CutTable::sum_prefixes() {
  prefix_change_.assign(writes_.size() + 1, 0);
  first_overlap_ = writes_.size();
  for (size_t p = 0; p < writes_.size(); ++p) {
    prefix_change_[p + 1] = prefix_change_[p] + writes_[p].whole_change;
    if (writes_[p].overlaps && first_overlap_ == writes_.size()) first_overlap_ = p;
  }
}

void CutTable::copy_write(size_t position) const {
  const Write& w = writes_[position];
  const uint64_t mask = mask_of(position);
  for (size_t i = w.first; i < w.end; ++i)
    if (mask == kWholeWrite || sector_kept(mask, by_write_[i].count, by_write_[i].index))
      delta_.push_back(by_write_[i].delta);
}

void CutTable::copy_in_sector_order() const {
  if (whole_below_ == 0 && kept_.size() * 4 < by_start_.size()) {  // few kept: sort them rather than walk every write
    sorted_kept_.assign(kept_.begin(), kept_.end());
    std::sort(sorted_kept_.begin(), sorted_kept_.end(),
              [&](uint32_t a, uint32_t b) { return writes_[a].start < writes_[b].start; });
    for (const uint32_t p : sorted_kept_) copy_write(p);
    return;
  }
  for (const uint32_t p : by_start_)
    if (mask_of(p) != 0) copy_write(p);
}

uint64_t CutTable::gather_and_sort() const {
  gathered_.clear();
  for (const uint32_t p : kept_)
    for (size_t i = writes_[p].first; i < writes_[p].end; ++i)
      if (sector_kept(masks_[p], by_write_[i].count, by_write_[i].index)) gathered_.push_back(by_write_[i]);
  std::sort(gathered_.begin(), gathered_.end(), [](const Entry& a, const Entry& b) { return newest_first(a.delta, b.delta); });
  uint64_t change = 0;
  for (const Entry& e : gathered_) {
    if (!delta_.empty() && delta_.back().sector == e.delta.sector) continue;  // a newer kept write won
    delta_.push_back(e.delta);
    change += e.delta.contribution - e.below;
  }
  return change;
}

uint64_t CutTable::scan_all() const {
  uint64_t change = 0;
  for (const Entry& e : entries_) {
    if (!delta_.empty() && delta_.back().sector == e.delta.sector) continue;  // a newer kept write won
    if (!sector_kept(masks_[e.position], e.count, e.index)) continue;
    delta_.push_back(e.delta);
    change += e.delta.contribution - e.below;
  }
  return change;
}

// The fingerprint change of a kept write that overlaps no other in-flight write.
uint64_t CutTable::kept_change(size_t position) const {
  const Write& w = writes_[position];
  if (masks_[position] == kWholeWrite) return w.whole_change;
  uint64_t change = 0;
  for (size_t i = w.first; i < w.end; ++i) {
    const Entry& e = by_write_[i];
    if (sector_kept(masks_[position], e.count, e.index)) change += e.delta.contribution - e.below;
  }
  return change;
}

void CutTable::clear_selection() {
  for (const uint32_t q : kept_) masks_[q] = 0;
  kept_.clear();
  whole_below_ = 0;
  overlaps_ = false;
  built_ = false;
}

uint64_t CutTable::select(std::span<const KeptWrite> kept) {
  clear_selection();
  const auto in_flight = durable_->in_flight();
  size_t p = 0;
  for (const KeptWrite& k : kept) {  // both in increasing request order
    while (in_flight[p] < k.request) ++p;
    kept_.push_back(static_cast<uint32_t>(p));
    masks_[p] = k.sector_mask;
    overlaps_ = overlaps_ || writes_[p].overlaps;
  }
  if (overlaps_) {  // which kept write wins a sector decides the fingerprint: build the delta now
    delta_.clear();
    uint64_t kept_sectors = 0;
    for (const uint32_t q : kept_) kept_sectors += writes_[q].end - writes_[q].first;
    const uint64_t change = kept_sectors * kSparse < entries_.size() ? gather_and_sort() : scan_all();
    built_ = true;
    return durable_->fingerprint() + change;
  }
  uint64_t change = 0;
  for (const uint32_t q : kept_) change += kept_change(q);
  return durable_->fingerprint() + change;
}

uint64_t CutTable::select_tear(size_t position, uint64_t mask, bool with_earlier) {
  const size_t whole_below = with_earlier ? position : 0;
  if (whole_below > first_overlap_ || writes_[position].overlaps) {  // which write wins a sector matters
    const auto in_flight = durable_->in_flight();
    tear_kept_.clear();
    for (size_t p = 0; p < whole_below; ++p) tear_kept_.push_back({in_flight[p], kWholeWrite});
    tear_kept_.push_back({in_flight[position], mask});
    return select(tear_kept_);
  }
  clear_selection();
  whole_below_ = whole_below;
  kept_.push_back(static_cast<uint32_t>(position));
  masks_[position] = mask;
  return durable_->fingerprint() + prefix_change_[whole_below] + kept_change(position);
}

std::span<const DeltaEntry> CutTable::delta() const {
  if (!built_) {
    delta_.clear();
    copy_in_sector_order();
    built_ = true;
  }
  return delta_;
}

uint64_t CutTable::provenance(uint64_t sector) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), sector,
                             [](const Entry& e, uint64_t s) { return e.delta.sector < s; });
  for (; it != entries_.end() && it->delta.sector == sector; ++it)  // newest write first
    if (const uint64_t mask = mask_of(it->position); mask != 0 && sector_kept(mask, it->count, it->index))
      return it->delta.payload_sector + 1;
  return 0;
}

}  // namespace sc::crash

// crash_image.cpp — see crash_image.h.
#include "crash_image.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace sc::crash {

namespace {

void collect_kept_sectors(const DurableState& durable, const KeptWrite& kept,
                          std::vector<DeltaEntry>& delta) {
  const Request& r = durable.trace().requests()[kept.request];
  const TraceHashes& hashes = durable.hashes();
  for (uint32_t j = 0; j < r.count; ++j) {
    if (!sector_kept(kept.sector_mask, r.count, j)) continue;
    const uint64_t sector = r.sector + j;
    const DurableEntry* below = durable.find(sector);
    if (below && below->request > kept.request) continue;
    const uint64_t ps = payload_sector(r, j);
    delta.push_back({sector, kept.request, ps, hashes.contribution(ps)});
  }
}

// Sorts by sector, newest write last, and keeps the newest per sector.
void keep_newest_per_sector(std::vector<DeltaEntry>& delta) {
  std::sort(delta.begin(), delta.end(), [](const DeltaEntry& a, const DeltaEntry& b) {
    return a.sector != b.sector ? a.sector < b.sector : a.request > b.request;
  });
  const auto end = std::unique(delta.begin(), delta.end(),
                               [](const DeltaEntry& a, const DeltaEntry& b) { return a.sector == b.sector; });
  delta.erase(end, delta.end());
}

}  // namespace

uint64_t build_delta(const DurableState& durable, std::span<const KeptWrite> kept,
                     std::vector<DeltaEntry>& delta) {
  delta.clear();
  for (const KeptWrite& k : kept) collect_kept_sectors(durable, k, delta);
  keep_newest_per_sector(delta);
  uint64_t fingerprint = durable.fingerprint();
  for (const DeltaEntry& e : delta) {
    const DurableEntry* below = durable.find(e.sector);
    fingerprint += e.contribution - (below ? below->contribution : 0);
  }
  return fingerprint;
}

std::optional<CrashStateError> crash_state_error(const DurableState& durable,
                                                 const CrashState& state) {
  if (state.cut != durable.cut()) return CrashStateError{"cut", "expected the durable state's cut"};
  const auto in_flight = durable.in_flight();
  for (size_t i = 0; i < state.kept.size(); ++i) {
    const KeptWrite& k = state.kept[i];
    const std::string where = "kept[" + std::to_string(i) + "]";
    if (i > 0 && k.request <= state.kept[i - 1].request)
      return CrashStateError{where + ".request", "expected requests in increasing order"};
    if (!std::binary_search(in_flight.begin(), in_flight.end(), k.request))
      return CrashStateError{where + ".request", "expected a write in flight at cut " +
                                                     std::to_string(state.cut) + ", got request " +
                                                     std::to_string(k.request)};
    if (!valid_mask(k.sector_mask, durable.trace().requests()[k.request].count))
      return CrashStateError{where + ".sector_mask",
                             "expected a nonzero mask within the write's chunks, or all ones"};
  }
  return image_fault_error(durable, state);
}

const uint8_t* ImageView::faulted_sector(uint64_t sector) const {
  const auto it = std::lower_bound(faulted_.begin(), faulted_.end(), sector,
                                   [](const FaultSector& f, uint64_t s) { return f.sector < s; });
  return it != faulted_.end() && it->sector == sector ? it->data.data() : nullptr;
}

uint64_t ImageView::provenance(uint64_t sector) const {
  if (source_ != nullptr) return source_->provenance(sector);
  const auto it = std::lower_bound(delta_.begin(), delta_.end(), sector,
                                   [](const DeltaEntry& e, uint64_t s) { return e.sector < s; });
  return it != delta_.end() && it->sector == sector ? it->payload_sector + 1 : 0;
}

const uint8_t* ImageView::sector(uint64_t sector) const {
  if (!faulted_.empty())
    if (const uint8_t* data = faulted_sector(sector)) return data;
  const Trace& trace = durable_->trace();
  if (const uint64_t p = provenance(sector); p != 0) return trace.payload().data() + (p - 1) * kSectorSize;
  if (const DurableEntry* d = durable_->find(sector))
    return trace.payload().data() + d->payload_sector * kSectorSize;
  return trace.base_sector(sector);
}

void ImageView::read_sector(uint64_t sector_index, uint8_t* out) const {
  const uint8_t* data = sector(sector_index);
  if (data)
    std::memcpy(out, data, kSectorSize);
  else
    std::memset(out, 0, kSectorSize);
}

std::vector<uint8_t> ImageView::bytes() const {
  std::vector<uint8_t> out(sector_count() * kSectorSize);
  for (uint64_t s = 0; s < sector_count(); ++s) read_sector(s, out.data() + s * kSectorSize);
  return out;
}

SectorMap ImageView::flatten() const {
  SectorMap out;
  const auto copy = [&](uint64_t s) { out.put(s, sector(s)); };
  for (const uint64_t s : durable_->trace().base().sectors()) copy(s);
  for (const auto& [s, entry] : durable_->entries()) copy(s);
  for (const DeltaEntry& e : delta()) copy(e.sector);
  for (const FaultSector& f : faulted_) copy(f.sector);
  return out;
}

CrashImage::CrashImage(const Trace& trace, const CrashState& state)
    : hashes_(std::make_unique<TraceHashes>(trace, state.cut)),
      durable_(std::make_unique<DurableState>(trace, *hashes_)) {
  if (state.cut >= trace.cut_count()) throw std::invalid_argument("crash state: cut out of range");
  durable_->advance_to(state.cut);
  if (const auto error = crash_state_error(*durable_, state))
    throw std::invalid_argument("crash state: " + error->field + ": " + error->expected);
  fingerprint_ = build_delta(*durable_, state.kept, delta_);
  fingerprint_ = apply_image_faults(*durable_, delta_, state, fingerprint_, faulted_);
}

CrashImage build_crash_image(const Trace& trace, const CrashState& state) {
  return CrashImage(trace, state);
}

}  // namespace sc::crash

// cut_variables.cpp — see cut_variables.h.
#include "cut_variables.h"

#include <algorithm>

#include "sector_hash.h"

namespace sc::crash {

namespace {

struct Placed {
  uint64_t sector;
  size_t request;
  CutVariables::Source source;
};

}  // namespace

uint32_t CutVariables::chunks_of(size_t position) const {
  return tears_ ? chunk_count(durable_.trace().requests()[durable_.in_flight()[position]].count) : 1;
}

CutVariables::CutVariables(const DurableState& durable, bool tears) : durable_(durable), tears_(tears) {
  const auto in_flight = durable.in_flight();
  std::vector<Placed> placed;
  for (size_t p = 0; p < in_flight.size(); ++p) {
    first_variable_.push_back(count_);
    const Request& r = durable.trace().requests()[in_flight[p]];
    for (uint32_t j = 0; j < r.count; ++j) {
      const DurableEntry* below = durable.find(r.sector + j);
      if (below && below->request > in_flight[p]) continue;
      const uint32_t chunk = tears ? j / sectors_per_chunk(r.count) : 0;
      placed.push_back(Placed{r.sector + j, in_flight[p], Source{count_ + chunk, payload_sector(r, j)}});
    }
    count_ += chunks_of(p);
  }
  std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
    return a.sector != b.sector ? a.sector < b.sector : a.request > b.request;
  });
  for (const Placed& p : placed) {
    if (sectors_.empty() || sectors_.back() != p.sector) {
      sectors_.push_back(p.sector);
      first_source_.push_back(sources_.size());
    }
    sources_.push_back(p.source);
  }
  first_source_.push_back(sources_.size());
}

std::span<const CutVariables::Source> CutVariables::sources(uint64_t sector) const {
  const auto it = std::lower_bound(sectors_.begin(), sectors_.end(), sector);
  if (it == sectors_.end() || *it != sector) return {};
  const auto i = static_cast<size_t>(it - sectors_.begin());
  return std::span<const Source>(sources_).subspan(first_source_[i], first_source_[i + 1] - first_source_[i]);
}

CrashState CutVariables::state(const std::function<bool(uint32_t)>& keeps) const {
  CrashState s;
  s.cut = durable_.cut();
  const auto in_flight = durable_.in_flight();
  bool torn = false;
  for (size_t p = 0; p < in_flight.size(); ++p) {
    uint64_t mask = 0;
    for (uint32_t c = 0; c < chunks_of(p); ++c)
      if (keeps(first_variable_[p] + c)) mask |= uint64_t{1} << c;
    if (mask == 0) continue;
    const bool whole = !tears_ || mask == full_mask(durable_.trace().requests()[in_flight[p]].count);
    torn = torn || !whole;
    s.kept.push_back(KeptWrite{in_flight[p], whole ? kWholeWrite : mask});
  }
  s.kind = torn ? Mode::torn : s.kept.empty() || s.kept.size() == in_flight.size() ? Mode::prefix : Mode::reorder;
  return s;
}

std::vector<bool> CutVariables::keeps(const CrashState& state) const {
  std::vector<bool> out(count_, false);
  const auto in_flight = durable_.in_flight();
  for (const KeptWrite& k : state.kept) {
    const auto p = static_cast<size_t>(std::lower_bound(in_flight.begin(), in_flight.end(), k.request) - in_flight.begin());
    for (uint32_t c = 0; c < chunks_of(p); ++c) out[first_variable_[p] + c] = tears_ ? ((k.sector_mask >> c) & 1) != 0 : true;
  }
  return out;
}

}  // namespace sc::crash

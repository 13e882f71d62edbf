// coverage_tracker.cpp — see coverage_tracker.h.
#include "injector/campaign/coverage_tracker.h"

#include <map>
#include <tuple>

#include "injector/coverage/counters.h"
#include "injector/coverage/symbolize.h"

namespace sc::campaign {

namespace {

using SiteKey = std::tuple<std::string, uint32_t, uint32_t, uint32_t>;

results::CoverageEdge edge_row(const coverage::EdgeSite& s, bool hit) {
  return results::CoverageEdge{s.file, s.line, s.column, s.ordinal, hit};
}

}  // namespace

CoverageTracker::CoverageTracker() {
  if (coverage::edge_count() == 0 || coverage::edge_sites().empty()) {
    why_ = coverage::symbolizer_problem();
    return;
  }
  available_ = true;
  hit_.assign(coverage::edge_count(), 0);
  counted_ = hit_;
  stored_ = hit_;
}

void CoverageTracker::sample() {
  if (!available_) return;
  std::lock_guard lock(mutex_);
  coverage::sample_into(hit_);
}

void CoverageTracker::load(const std::vector<results::CoverageEdge>& stored) {
  if (!available_) return;
  std::map<SiteKey, bool> hits;
  for (const auto& e : stored) hits[{e.file, e.line, e.column, e.ordinal}] = e.hit;
  std::lock_guard lock(mutex_);
  const auto& sites = coverage::edge_sites();
  for (size_t i = 0; i < sites.size(); ++i) {
    const auto it = hits.find({sites[i].file, sites[i].line, sites[i].column, sites[i].ordinal});
    if (it != hits.end() && it->second) hit_[i] = counted_[i] = stored_[i] = 1;
  }
}

uint64_t CoverageTracker::take_new_edges() {
  if (!available_) return 0;
  std::lock_guard lock(mutex_);
  return changed(&counted_).size();
}

std::vector<results::CoverageEdge> CoverageTracker::edges_to_store() {
  if (!available_) return {};
  std::lock_guard lock(mutex_);
  if (stored_all_) return changed(&stored_);
  stored_all_ = true;
  std::vector<results::CoverageEdge> all;
  const auto& sites = coverage::edge_sites();
  for (size_t i = 0; i < sites.size(); ++i)
    if (!sites[i].file.empty()) all.push_back(edge_row(sites[i], hit_[i] != 0));
  stored_ = hit_;
  return all;
}

// The counted edges hit now but not in *since; *since catches up.
std::vector<results::CoverageEdge> CoverageTracker::changed(std::vector<uint8_t>* since) {
  std::vector<results::CoverageEdge> out;
  const auto& sites = coverage::edge_sites();
  for (size_t i = 0; i < hit_.size(); ++i) {
    if (!hit_[i] || (*since)[i]) continue;
    (*since)[i] = 1;
    if (!sites[i].file.empty()) out.push_back(edge_row(sites[i], true));
  }
  return out;
}

}  // namespace sc::campaign

// coverage_tracker.cpp — see coverage_tracker.h.
#include "injector/campaign/coverage_tracker.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "injector/coverage/counters.h"
#include "injector/coverage/symbolize.h"

namespace sc::campaign {

namespace {

using SiteKey = std::tuple<std::string, uint32_t, uint32_t, uint32_t>;

}  // namespace

CoverageTracker::CoverageTracker() {
  if (coverage::edge_count() == 0 || coverage::edge_sites().empty()) {
    why_ = coverage::symbolizer_problem();
    return;
  }
  const auto& sites = coverage::edge_sites();
  if (std::none_of(sites.begin(), sites.end(), [](const auto& s) { return !s.file.empty(); })) {
    why_ = "no instrumented edge has a source line (build the kernel core and managers with -g or -gline-tables-only)";
    return;
  }
  available_ = true;
  for (size_t i = 0; i < sites.size(); ++i)
    if (sites[i].credits != i && sites[i].credits != coverage::kNoEdge) credits_.emplace_back(i, sites[i].credits);
  coverage::clear_flags();
  hit_.assign(coverage::edge_count(), 0);
  first_.assign(hit_.size(), kNotHit);
  stored_ = hit_;
}

void CoverageTracker::sample(uint64_t generation) {
  if (!available_) return;
  std::lock_guard lock(mutex_);
  coverage::sample_into(hit_);
  for (const auto& [copy, counted] : credits_)
    if (hit_[copy]) hit_[counted] = 1;
  for (size_t i = 0; i < hit_.size(); ++i)
    if (hit_[i] && first_[i] == kNotHit) first_[i] = generation;
}

void CoverageTracker::load(const std::vector<results::CoverageEdge>& stored) {
  if (!available_) return;
  std::map<SiteKey, uint64_t> hits;
  for (const auto& e : stored)
    if (e.hit) hits[{e.file, e.line, e.column, e.ordinal}] = e.generation;
  std::lock_guard lock(mutex_);
  const auto& sites = coverage::edge_sites();
  for (size_t i = 0; i < sites.size(); ++i) {
    const auto it = hits.find({sites[i].file, sites[i].line, sites[i].column, sites[i].ordinal});
    if (it == hits.end()) continue;
    hit_[i] = stored_[i] = 1;
    first_[i] = it->second;
  }
}

uint64_t CoverageTracker::first_hit_in(uint64_t generation) {
  if (!available_) return 0;
  std::lock_guard lock(mutex_);
  const auto& sites = coverage::edge_sites();
  uint64_t n = 0;
  for (size_t i = 0; i < first_.size(); ++i) n += first_[i] == generation && !sites[i].file.empty() ? 1 : 0;
  return n;
}

std::vector<results::CoverageEdge> CoverageTracker::edges_to_store() {
  if (!available_) return {};
  std::lock_guard lock(mutex_);
  std::vector<results::CoverageEdge> out;
  const auto& sites = coverage::edge_sites();
  for (size_t i = 0; i < sites.size(); ++i) {
    if (sites[i].file.empty() || (stored_all_ && (!hit_[i] || stored_[i]))) continue;
    out.push_back(results::CoverageEdge{sites[i].file, sites[i].line, sites[i].column, sites[i].ordinal, hit_[i] != 0,
                                        hit_[i] ? first_[i] : 0});
  }
  stored_ = hit_;
  stored_all_ = true;
  return out;
}

}  // namespace sc::campaign

// coverage_tracker.h — a campaign's view of the coverage flags
// (injector/coverage): which counted edges the campaign has run, in which
// generation (steering.h) each was first run, and what to store.
//
// Interface: available() is false (with why()) in a build without coverage
// or without llvm-symbolizer; then every other call does nothing.
// sample(generation) ORs the process's edge flags into the campaign's edges
// and attributes each edge seen for the first time to `generation` (any
// thread); load(stored) takes back the edges and generations a resumed
// campaign stored; first_hit_in(g) counts the edges first run in generation
// g; edges_to_store() gives every counted edge the first time, then only
// those newly hit since the previous call.
//
// Invariants: only edges of the kernel core and managers/ count, and a run of
// an out-of-line copy of an inlined function counts for its inlined body's
// edge at the same line (see symbolize.h); the flags are process-global, so the tracker clears them
// when it is made and counts what ran since (counters.h): a second campaign
// in one process (tests) sees only its own edges, as a fresh process would,
// and campaigns in one process run one after another. An edge's generation
// never changes once set, so a campaign resumed after a kill counts each
// generation's new edges as the uninterrupted one did, provided what it
// stored before the kill was sampled while only that generation ran.
#pragma once
#include <cstdint>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "injector/results/coverage.h"

namespace sc::campaign {

class CoverageTracker {
 public:
  CoverageTracker();
  bool available() const { return available_; }
  const std::string& why() const { return why_; }

  void sample(uint64_t generation);
  void load(const std::vector<results::CoverageEdge>& stored);
  uint64_t first_hit_in(uint64_t generation);
  std::vector<results::CoverageEdge> edges_to_store();

 private:
  static constexpr uint64_t kNotHit = UINT64_MAX;

  bool available_ = false;
  std::string why_;
  std::mutex mutex_;
  std::vector<uint8_t> hit_;
  std::vector<std::pair<size_t, size_t>> credits_;  // (uncounted copy's edge, edge its runs count for)
  std::vector<uint64_t> first_;   // generation of the first sample that saw the edge, or kNotHit
  std::vector<uint8_t> stored_;   // hit_ as edges_to_store last gave it
  bool stored_all_ = false;
};

}  // namespace sc::campaign

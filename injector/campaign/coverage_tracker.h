// coverage_tracker.h — a campaign's view of the coverage counters
// (injector/coverage): which counted edges the campaign has run, what to
// store, and how many edges each generation reached first.
//
// Interface: available() is false (with why()) in a build without counters
// or without llvm-symbolizer; then every other call does nothing. sample()
// ORs the process's counters into the campaign's edges (any thread);
// load(stored) adds the hits a resumed campaign stored before;
// take_new_edges() counts the edges hit since its last call (the first call
// counts from load()); edges_to_store() gives every counted edge the first
// time, then only those newly hit since the previous call.
//
// Invariants: only edges of the kernel core and managers/ count (see
// symbolize.h); the counters are process-global, so a campaign run twice in
// one process (tests) counts the first run's edges in the second too: the
// union only ever grows, as the stored coverage does.
#pragma once
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "injector/results/coverage.h"

namespace sc::campaign {

class CoverageTracker {
 public:
  CoverageTracker();
  bool available() const { return available_; }
  const std::string& why() const { return why_; }

  void sample();
  void load(const std::vector<results::CoverageEdge>& stored);
  uint64_t take_new_edges();
  std::vector<results::CoverageEdge> edges_to_store();

 private:
  std::vector<results::CoverageEdge> changed(std::vector<uint8_t>* since);

  bool available_ = false;
  std::string why_;
  std::mutex mutex_;
  std::vector<uint8_t> hit_;
  std::vector<uint8_t> counted_;  // hit_ as take_new_edges last saw it
  std::vector<uint8_t> stored_;   // hit_ as edges_to_store last gave it
  bool stored_all_ = false;
};

}  // namespace sc::campaign

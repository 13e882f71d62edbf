// exhaustive_by_cuts.h — the exhaustive mode (exhaustive_explore.h) on
// several threads, with the result of one: every cut is searched whole by
// one thread (ExhaustiveCutSearch, with that thread's checker), threads take
// cuts in increasing order from a shared counter, the helpers only on a core
// borrowed from options.cores (core_share.h, as explore_by_cuts.h), and the
// cuts' tallies are summed in cut order and added to *result; the cuts
// whose search passed runs_per_cut go to *incomplete_cuts (if given), sorted.
// A stop_at_ condition met in cut c ends the search at c: tallies of later
// cuts are dropped, and the result says `stopped` when a cut came after c,
// as the loop of one thread does. should_stop is asked by every thread
// before each run (it must be thread-safe); every thread then ends there.
// Applies only without max_states (a cut's share of it is known only once
// the cuts before it are done) and without observers (they see runs in
// order): applies() says so.
#pragma once
#include <cstdint>
#include <vector>

#include "injector/check/fault_tally.h"
#include "injector/inproc/exhaustive_explore.h"

namespace sc {

bool exhaustive_by_cuts_applies(const ExploreOptions& options);

void explore_exhaustively_by_cuts(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                                  const ExploreOptions& options, const ExhaustiveOptions& exhaustive,
                                  FaultClock::time_point start, ExploreResult* result,
                                  std::vector<uint64_t>* incomplete_cuts);

}  // namespace sc

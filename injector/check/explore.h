// explore.h — the one explore loop of both tiers: it takes crash states of a
// recording from a state source, recovers each through a Checker
// (checker.h), judges it with classify() against the legal window of its
// cut, and tallies it (tally.h). A tier differs only in its ExplorePlan:
//  * in-process: the first max_states states of the enumeration, one checker,
//    progress about every 0.5 s; with options.cores of more than one core
//    (and no options.observe), one thread per core, each checking whole
//    cuts (explore_by_cuts.h), with the same result;
//  * QEMU: max_states states spread evenly over the enumeration
//    (spread_states.h), `workers` checkers recovering at once (one batch of
//    `workers` states at a time, each worker a thread that owns its checker
//    for the whole exploration), progress after every batch; each checker
//    is told the state it will recover in the next batch (announce_next:
//    the batch is taken one ahead, checker.h recover_then()).
// With one worker and options.memoise (the default), recoveries are
// memoised (recovery_memo.h) where the checker notes its reads (the
// in-process one does): result.recalled counts the states decided from an
// earlier recovery instead of recovered.
// States are tallied in enumeration order, so the kept first failure of each
// signature does not depend on the number of workers.
// options.should_stop is asked before each batch; once it is true no state
// is started, and the result counts the states checked so far (`stopped`).
// options.stop_at_first_illegal stops it the same way once a batch held an
// illegal state (result.first_illegal), options.stop_at_signature once it
// held a failure of that signature.
// Errors: an exception of a checker (or of options.progress) ends the
// exploration once the running batch has ended, and is rethrown.
#pragma once
#include <cstddef>

#include "injector/check/checker.h"
#include "injector/check/explore_result.h"
#include "injector/check/recording.h"

namespace sc {

struct ExplorePlan {
  bool spread = false;             // spread max_states over the enumeration (else its first max_states)
  size_t workers = 1;              // checkers recovering at once, each made by the factory
  double progress_interval = 0.5;  // seconds between progress reports (0: after every batch)
  bool announce_next = false;      // take each batch one ahead and tell each checker its next state
};

ExploreResult explore(const Workload& w, const Recording& rec, const ExploreOptions& options,
                      const ExplorePlan& plan, const CheckerFactory& make_checker);

}  // namespace sc

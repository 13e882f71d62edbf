// explore_by_cuts.h — the in-process exploration of one recording on
// several threads at once, with exactly the result of exploring it on one
// (explore.h): the same states, verdicts, counts, first failure of each
// signature and first illegal state.
// How: every thread walks the same enumeration (same trace, options and
// seed give the same sequence of crash states), and checks the states of
// the cuts it claims; a cut is checked whole by the one thread that claimed
// it, through that thread's checker and recovery memo, so memoisation
// recalls exactly what it recalls on one thread (the memo is per cut).
// Each claimed cut's tally is kept apart and the tallies are summed in
// enumeration order at the end. The calling thread claims every cut it
// reaches unclaimed; the other threads (up to options.cores->cores() - 1,
// each started when the calling thread finds a core idle: helper_threads.h)
// claim a cut only with a core borrowed from options.cores (core_share.h),
// so they run only where a core is idle.
// Stops: a stop_at_ condition met at the state with enumeration index i
// ends every thread at i (their tallies beyond it are dropped), so the
// result is that of the sequential loop. should_stop is asked by every
// thread before each state (it must be thread-safe) and ends every thread at
// its next state: the states checked then are not a prefix of the
// enumeration, and the result counts exactly those.
// Errors: an exception of any thread ends all of them and is rethrown by
// the calling thread.
// Not here: options.observe (it sees states in enumeration order: explore()
// keeps one thread when it is set), fault modes that re-record
// (io-error) or re-read (read-error), and the exhaustive mode.
#pragma once
#include "injector/check/checker.h"
#include "injector/check/explore_result.h"
#include "injector/check/recording.h"

namespace sc {

// options.cores must be set; progress is reported from the calling thread
// about every progress_interval seconds.
ExploreResult explore_by_cuts(const Workload& w, const Recording& rec, const ExploreOptions& options,
                              double progress_interval, const CheckerFactory& make_checker);

}  // namespace sc

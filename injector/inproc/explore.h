// explore.h — the in-process tier's exploration: every crash state of a
// recording, in enumeration order up to options.max_states, recovered in
// this process by an InprocChecker through the shared explore loop
// (injector/check/explore.h), which also defines the result types. With
// read-error among the modes, the prefix states are recovered again with a
// sector read failing (read_error_explore.h); with io-error, the runs
// recorded again with a failing request are explored (io_error_explore.h);
// both after the power-cut states, into the same result.
#pragma once
#include "injector/check/explore.h"
#include "injector/check/tally.h"
#include "injector/common/seeded_bugs.h"

namespace sc {

ExploreResult explore_inproc(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                             const ExploreOptions& options);

}  // namespace sc

// read_error_explore.h — the read-error fault class in-process (crash_model.h,
// FAULT CLASSES): a sector recovery reads fails with an I/O error.
//
// explore_read_errors(): for every prefix state of the recording (the
// durable state of each cut, and with every in-flight write kept), recovers
// it once noting which sectors recovery reads, then draws up to
// kReadErrorsPerState of those sectors (distinct) with a Prng seeded with
// options.enumerate.seed and recovers the state again with every read of
// that sector failing. Each such recovery is judged against the state's
// legal window, widened to a clean refusal (read-error destroys durable
// data: state_window.h), and tallied under kind read-error with
// Fault{read_error, request 0, sector s, detail 0} in CrashState::faults.
// Stops like explore() (fault_tally.h).
#pragma once
#include <cstddef>

#include "injector/check/explore.h"
#include "injector/common/seeded_bugs.h"

namespace sc {

constexpr size_t kReadErrorsPerState = 2;

void explore_read_errors(const Workload& w, const SeededBugs& bugs, const Recording& rec, const ExploreOptions& options,
                         ExploreResult* result);

}  // namespace sc

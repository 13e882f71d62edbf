// fault_tally.h — what the in-process fault explorers (io_error_explore.h,
// read_error_explore.h) share with explore(): the same stop rules
// (max_states, should_stop, stop_at_first_illegal) and the same tally of a
// judged fault state, which also notes when the first illegal state came.
#pragma once
#include <chrono>

#include "injector/check/explore.h"
#include "injector/check/state_window.h"
#include "injector/check/tally.h"

namespace sc {

using FaultClock = std::chrono::steady_clock;

inline bool fault_explore_must_stop(const ExploreOptions& options, const ExploreResult& result) {
  return result.states >= options.max_states || (options.should_stop && options.should_stop()) ||
         (options.stop_at_first_illegal && result.first_illegal);
}

// Judges `recovered` for `state` (a crash state of rec, its faults set) and
// counts it; returns true if it was kept as a new failure.
inline bool tally_fault_state(const Workload& w, const Recording& rec, const crash::CrashState& state,
                              const Recovered& recovered, FaultClock::time_point start, ExploreResult* result) {
  const size_t kept = result->failures.size();
  tally(state, cut_phase(rec.trace, state.cut), classify(w, rec.history, legal_window_of(rec.spans, state), recovered),
        result);
  if (result->illegal > 0 && !result->first_illegal)
    result->first_illegal =
        FirstIllegal{result->states, std::chrono::duration<double>(FaultClock::now() - start).count()};
  return result->failures.size() > kept;
}

}  // namespace sc

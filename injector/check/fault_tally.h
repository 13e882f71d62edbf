// fault_tally.h — what the fault explorers (io_error_explore.h,
// read_error_explore.h) share with explore(): the same stop rules
// (max_states, should_stop, the stop_at_ conditions), the same tally of a
// judged fault state, which also notes when the first illegal state came,
// and progress reports about every 0.5 s. `stopped` is set only when
// should_stop or the first illegal state ended an explorer, as in explore():
// reaching max_states is the budget, not a stop.
#pragma once
#include <chrono>

#include "injector/check/explore.h"
#include "injector/check/state_window.h"
#include "injector/check/tally.h"

namespace sc {

using FaultClock = std::chrono::steady_clock;

// True if no more states may be checked; sets result->stopped when the
// reason is an interruption rather than the budget.
inline bool fault_explore_must_stop(const ExploreOptions& options, ExploreResult* result) {
  if (result->states >= options.max_states) return true;
  if (!exploration_interrupted(options, *result)) return false;
  result->stopped = true;
  return true;
}

// After a state is tallied: notes when the first illegal state came.
inline void note_first_illegal(FaultClock::time_point start, ExploreResult* result) {
  if (result->illegal > 0 && !result->first_illegal)
    result->first_illegal =
        FirstIllegal{result->states, std::chrono::duration<double>(FaultClock::now() - start).count()};
}

// Judges `recovered` for `state` (a crash state of rec, its faults set) and
// counts it; returns true if it was kept as a new failure.
inline bool tally_fault_state(const Workload& w, const Recording& rec, const crash::CrashState& state,
                              const Recovered& recovered, FaultClock::time_point start, ExploreResult* result) {
  const size_t kept = result->failures.size();
  tally(state, cut_phase(rec.trace, state.cut), classify(w, rec.history, legal_window_of(rec.spans, state), recovered),
        result);
  note_first_illegal(start, result);
  return result->failures.size() > kept;
}

// Calls options.progress about every 0.5 s of a fault explorer (its seconds
// count those of the explorers before it, already in result.seconds).
class FaultProgress {
 public:
  FaultProgress(const ExploreOptions& options, FaultClock::time_point start) : options_(options), start_(start) {}

  void after(const ExploreResult& result, const crash::Trace& trace, size_t cut) {
    if (!options_.progress || FaultClock::now() - last_ < std::chrono::milliseconds(500)) return;
    last_ = FaultClock::now();
    options_.progress(ExploreProgress{result.states, result.illegal, cut, trace.cut_count(),
                                      result.seconds + std::chrono::duration<double>(last_ - start_).count()});
  }

 private:
  const ExploreOptions& options_;
  FaultClock::time_point start_;
  FaultClock::time_point last_ = start_;
};

}  // namespace sc

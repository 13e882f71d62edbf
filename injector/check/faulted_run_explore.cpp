// faulted_run_explore.cpp — see faulted_run_explore.h.
#include "injector/check/faulted_run_explore.h"

#include <algorithm>

#include "injector/check/prefix_states.h"

namespace sc {

void explore_faulted_run(const Workload& w, const std::shared_ptr<const Recording>& rec, const crash::Fault& fault,
                         size_t first_cut, const ExploreOptions& options, std::optional<uint64_t> share,
                         Checker& checker, FaultClock::time_point start, ExploreResult* result) {
  PrefixStates states(rec->trace, window_changes(rec->spans), options.enumerate.seed, first_cut, share);
  FaultProgress progress(options, start);
  while (!fault_explore_must_stop(options, result) && states.next()) {
    crash::CrashState state = states.state();
    state.kind = fault.kind;
    state.faults = {fault};
    if (tally_fault_state(w, *rec, state, checker.recover(states.image(), state.faults), start, result))
      result->failures.back().recording = rec;
    progress.after(*result, rec->trace, state.cut);
  }
  result->duplicates += states.duplicates();
}

std::optional<uint64_t> run_share(const FaultTools& tools, const ExploreOptions& options, const ExploreResult& result,
                                  size_t runs_left) {
  if (!tools.spread) return std::nullopt;
  const uint64_t left = options.max_states > result.states ? options.max_states - result.states : 0;
  return std::max<uint64_t>(1, left / runs_left);
}

}  // namespace sc

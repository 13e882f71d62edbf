// read_error_explore.cpp — see read_error_explore.h.
#include "injector/check/read_error_explore.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "injector/check/fault_tally.h"
#include "injector/check/prefix_states.h"

namespace sc {

namespace {

// How many prefix states to spread the rest of the budget over (none: all).
std::optional<uint64_t> state_limit(const FaultTools& tools, const ExploreOptions& options,
                                    const ExploreResult& result) {
  if (!tools.spread) return std::nullopt;
  const uint64_t left = options.max_states > result.states ? options.max_states - result.states : 0;
  return std::max<uint64_t>(1, left / kReadErrorsPerState);
}

}  // namespace

std::vector<uint64_t> draw_read_error_sectors(std::vector<uint64_t> sectors, Prng* prng) {
  std::vector<uint64_t> drawn;
  while (drawn.size() < kReadErrorsPerState && !sectors.empty()) {
    const size_t at = static_cast<size_t>(prng->below(sectors.size()));
    drawn.push_back(sectors[at]);
    sectors[at] = sectors.back();
    sectors.pop_back();
  }
  return drawn;
}

void explore_read_errors(const Workload& w, const Recording& rec, const ExploreOptions& options,
                         const FaultTools& tools, ExploreResult* result) {
  const auto start = FaultClock::now();
  PrefixStates states(rec.trace, window_changes(rec.spans), options.enumerate.seed, 0,
                      state_limit(tools, options, *result));
  const std::unique_ptr<Checker> checker = tools.make_checker();
  FaultProgress progress(options, start);
  Prng prng(options.enumerate.seed);
  while (!fault_explore_must_stop(options, result) && states.next()) {
    for (uint64_t sector : draw_read_error_sectors(tools.sectors_read(states.image()), &prng)) {
      if (fault_explore_must_stop(options, result)) break;
      crash::CrashState state = states.state();
      state.kind = crash::Mode::read_error;
      state.faults = {crash::Fault{crash::Mode::read_error, 0, sector, 0}};
      tally_fault_state(w, rec, state, checker->recover(states.image(), state.faults), start, result);
    }
    progress.after(*result, rec.trace, states.state().cut);
  }
  result->duplicates += states.duplicates();
  result->seconds += std::chrono::duration<double>(FaultClock::now() - start).count();
}

}  // namespace sc

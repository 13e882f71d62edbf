// exhaustive_cut_search.h — ExhaustiveCutSearch: the exhaustive mode's
// search of one cut (exhaustive_explore.h): recovery on an UndeterminedDisk,
// again with every alternative of what it read, depth first, each run judged
// once as the crash state that keeps just what it decided kept and tallied
// into *result (with its coverage in result->exhaustive, which must be set).
// run() says how the search of the cut ended: every run done, stopped at the
// budget (runs_per_cut), or the exploration must stop (fault_explore_must_stop:
// max_states, should_stop, the stop_at_ conditions, judged on *result).
#pragma once
#include "injector/check/fault_tally.h"
#include "injector/crash/durable_state.h"
#include "injector/inproc/exhaustive_explore.h"
#include "injector/inproc/inproc_checker.h"

namespace sc {

enum class CutSearchEnd { complete, past_budget, must_stop };

class ExhaustiveCutSearch {
 public:
  ExhaustiveCutSearch(const Workload& w, const Recording& rec, const ExploreOptions& options, InprocChecker& checker,
                      FaultClock::time_point start, ExploreResult* result)
      : w_(w), rec_(rec), options_(options), checker_(checker), start_(start), result_(result) {}

  CutSearchEnd run(const crash::DurableState& durable, const ExhaustiveOptions& exhaustive,
                   const ExhaustiveObserver& observe);

 private:
  void judge(const crash::CrashState& state, const Recovered& recovered, const crash::CutVariables& variables,
             const crash::ChoicePath& path, const ExhaustiveObserver& observe);

  const Workload& w_;
  const Recording& rec_;
  const ExploreOptions& options_;
  InprocChecker& checker_;
  FaultClock::time_point start_;
  ExploreResult* result_;
};

}  // namespace sc

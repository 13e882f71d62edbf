// exhaustive_explore.cpp — see exhaustive_explore.h.
#include "injector/inproc/exhaustive_explore.h"

#include <algorithm>
#include <cmath>

#include "injector/check/fault_tally.h"
#include "injector/crash/undetermined_disk.h"
#include "injector/inproc/inproc_checker.h"

namespace sc {

namespace {

// One cut's search; false if the exploration must stop.
class CutSearch {
 public:
  CutSearch(const Workload& w, const Recording& rec, const ExploreOptions& options, InprocChecker& checker,
            FaultClock::time_point start, ExploreResult* result)
      : w_(w), rec_(rec), options_(options), checker_(checker), start_(start), result_(result) {}

  bool run(const crash::DurableState& durable, const ExhaustiveOptions& exhaustive, const ExhaustiveObserver& observe) {
    const crash::CutVariables variables(durable, exhaustive.tears);
    crash::ChoicePath path(variables.count());
    ExhaustiveCoverage& coverage = *result_->exhaustive;
    ++coverage.cuts;
    coverage.max_variables = std::max(coverage.max_variables, variables.count());
    coverage.all_states += std::ldexp(1.0, static_cast<int>(variables.count()));
    for (uint64_t runs = 0;; ++runs) {
      if (fault_explore_must_stop(options_, result_)) return false;
      if (runs == exhaustive.runs_per_cut) return true;
      path.begin_run();
      crash::UndeterminedDisk disk(durable, variables, path);
      const Recovered recovered = checker_.recover_on(disk);
      const crash::CrashState state = variables.state([&](uint32_t v) { return path.decided_true(v); });
      judge(state, recovered, variables, path, observe);
      coverage.states += std::ldexp(1.0, static_cast<int>(variables.count() - path.decisions().size()));
      ++coverage.recoveries;
      if (!path.advance()) break;
    }
    ++coverage.complete_cuts;
    return true;
  }

 private:
  void judge(const crash::CrashState& state, const Recovered& recovered, const crash::CutVariables& variables,
             const crash::ChoicePath& path, const ExhaustiveObserver& observe) {
    const LegalWindow window = legal_window_of(rec_.spans, state);
    const Verdict verdict = classify(w_, rec_.history, window, recovered);
    if (options_.observe) options_.observe(window, verdict);
    if (observe) observe(variables, path, state, verdict);
    tally(state, cut_phase(rec_.trace, state.cut), verdict, result_);
    if (result_->illegal > 0 && !result_->first_illegal)
      result_->first_illegal =
          FirstIllegal{result_->states, std::chrono::duration<double>(FaultClock::now() - start_).count()};
  }

  const Workload& w_;
  const Recording& rec_;
  const ExploreOptions& options_;
  InprocChecker& checker_;
  FaultClock::time_point start_;
  ExploreResult* result_;
};

}  // namespace

void explore_exhaustively(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                          const ExploreOptions& options, const ExhaustiveOptions& exhaustive, ExploreResult* result,
                          const ExhaustiveObserver& observe) {
  const auto start = FaultClock::now();
  if (!result->exhaustive) result->exhaustive = ExhaustiveCoverage{};
  InprocChecker checker(w, bugs);
  const crash::TraceHashes hashes(rec.trace);
  crash::DurableState durable(rec.trace, hashes);
  CutSearch search(w, rec, options, checker, start, result);
  FaultProgress progress(options, start);
  for (size_t cut = 0; cut < rec.trace.cut_count(); ++cut) {
    durable.advance_to(cut);
    if (!search.run(durable, exhaustive, observe)) break;
    progress.after(*result, rec.trace, cut);
  }
  result->seconds += std::chrono::duration<double>(FaultClock::now() - start).count();
}

}  // namespace sc

// exhaustive_cut_search.cpp — see exhaustive_cut_search.h.
#include "injector/inproc/exhaustive_cut_search.h"

#include <algorithm>
#include <cmath>

#include "injector/crash/undetermined_disk.h"

namespace sc {

CutSearchEnd ExhaustiveCutSearch::run(const crash::DurableState& durable, const ExhaustiveOptions& exhaustive,
                                      const ExhaustiveObserver& observe) {
  const crash::CutVariables variables(durable, exhaustive.tears);
  crash::ChoicePath path(variables.count());
  ExhaustiveCoverage& coverage = *result_->exhaustive;
  ++coverage.cuts;
  coverage.max_variables = std::max(coverage.max_variables, variables.count());
  coverage.all_states += std::ldexp(1.0, static_cast<int>(variables.count()));
  for (uint64_t runs = 0;; ++runs) {
    if (fault_explore_must_stop(options_, result_)) return CutSearchEnd::must_stop;
    if (runs == exhaustive.runs_per_cut) return CutSearchEnd::past_budget;
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
  return CutSearchEnd::complete;
}

void ExhaustiveCutSearch::judge(const crash::CrashState& state, const Recovered& recovered,
                                const crash::CutVariables& variables, const crash::ChoicePath& path,
                                const ExhaustiveObserver& observe) {
  const LegalWindow window = legal_window_of(rec_.spans, state);
  const Verdict verdict = classify(w_, rec_.history, window, recovered);
  if (options_.observe) options_.observe(window, verdict);
  if (observe) observe(variables, path, state, verdict);
  tally(state, cut_phase(rec_.trace, state.cut), verdict, result_);
  note_first_illegal(start_, result_);
}

}  // namespace sc

// exhaustive_explore.cpp — see exhaustive_explore.h.
#include "injector/inproc/exhaustive_explore.h"

#include "injector/inproc/exhaustive_by_cuts.h"
#include "injector/inproc/exhaustive_cut_search.h"

namespace sc {

void explore_exhaustively(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                          const ExploreOptions& options, const ExhaustiveOptions& exhaustive, ExploreResult* result,
                          const ExhaustiveObserver& observe, std::vector<uint64_t>* incomplete_cuts) {
  const auto start = FaultClock::now();
  if (!result->exhaustive) result->exhaustive = ExhaustiveCoverage{};
  if (!observe && exhaustive_by_cuts_applies(options)) {
    explore_exhaustively_by_cuts(w, bugs, rec, options, exhaustive, start, result, incomplete_cuts);
    result->seconds += std::chrono::duration<double>(FaultClock::now() - start).count();
    return;
  }
  InprocChecker checker(w, bugs);
  const crash::TraceHashes hashes(rec.trace);
  crash::DurableState durable(rec.trace, hashes);
  ExhaustiveCutSearch search(w, rec, options, checker, start, result);
  FaultProgress progress(options, start);
  for (size_t cut = 0; cut < rec.trace.cut_count(); ++cut) {
    durable.advance_to(cut);
    const CutSearchEnd end = search.run(durable, exhaustive, observe);
    if (end == CutSearchEnd::must_stop) break;
    if (end == CutSearchEnd::past_budget && incomplete_cuts) incomplete_cuts->push_back(cut);
    progress.after(*result, rec.trace, cut);
  }
  result->seconds += std::chrono::duration<double>(FaultClock::now() - start).count();
}

}  // namespace sc

// explore.cpp — see explore.h.
#include "injector/inproc/explore.h"

#include <memory>
#include <utility>
#include <vector>

#include "injector/check/cut_tallies.h"
#include "injector/check/explore_with_faults.h"
#include "injector/check/fault_tally.h"
#include "injector/inproc/exhaustive_explore.h"
#include "injector/inproc/inproc_checker.h"
#include "injector/inproc/recording.h"

namespace sc {

std::function<std::vector<uint64_t>(const crash::ImageView&)> inproc_sectors_read(const Workload& w,
                                                                                  const SeededBugs& bugs) {
  // Made at the first call: most explorations never ask (no read-error mode).
  auto checker = std::make_shared<std::unique_ptr<InprocChecker>>();
  return [checker, &w, bugs](const crash::ImageView& image) {
    if (!*checker) *checker = std::make_unique<InprocChecker>(w, bugs);
    return (*checker)->sectors_read(image);
  };
}

namespace {

// The options of the bounded modes over `cuts` only, within what is left of
// max_states, their progress counting on from `so_far`.
ExploreOptions bounded_over(const ExploreOptions& options, bool tears, std::vector<uint64_t> cuts,
                            const ExploreResult& so_far) {
  ExploreOptions bounded = options;
  bounded.enumerate.exhaustive = false;
  bounded.enumerate.modes = crash::only(crash::Mode::prefix) | crash::only(crash::Mode::reorder);
  if (tears) bounded.enumerate.modes |= crash::only(crash::Mode::torn);
  bounded.enumerate.only_cuts = std::move(cuts);
  if (options.max_states != UINT64_MAX) bounded.max_states = options.max_states - so_far.states;
  if (options.progress)
    bounded.progress = [progress = options.progress, states = so_far.states, illegal = so_far.illegal,
                        seconds = so_far.seconds](ExploreProgress p) {
      p.states += states;
      p.illegal += illegal;
      p.seconds += seconds;
      progress(p);
    };
  return bounded;
}

// The bounded modes over the cuts the exhaustive search left incomplete, so
// that no cut is checked less than without the exhaustive mode; added to
// *result, and counted in its coverage.
void check_incomplete_cuts(const Workload& w, const Recording& rec, const ExploreOptions& options,
                           const ExplorePlan& plan, const FaultTools& tools, bool tears,
                           std::vector<uint64_t> incomplete, ExploreResult* result) {
  if (incomplete.empty() || fault_explore_must_stop(options, result)) return;
  const uint64_t cuts = incomplete.size();
  ExploreResult more = explore_with_faults(w, rec, bounded_over(options, tears, std::move(incomplete), *result), plan, tools);
  if (more.first_illegal) more.first_illegal->seconds += result->seconds;
  result->seconds += more.seconds;
  result->enumerate_seconds += more.enumerate_seconds;
  result->exhaustive->bounded_cuts += cuts;
  result->exhaustive->bounded_states += more.states;
  add_result(std::move(more), result);
}

}  // namespace

ExploreResult explore_inproc(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                             const ExploreOptions& options) {
  const ExplorePlan plan{false, 1, 0.5};
  FaultTools tools;
  tools.make_checker = [&] { return std::make_unique<InprocChecker>(w, bugs); };
  tools.sectors_read = inproc_sectors_read(w, bugs);
  tools.record_failing = [&](const crash::Fault& fault) { return record_inproc(w, bugs, nullptr, &fault); };
  tools.call_sites = [&] { return census_calls(w, bugs); };
  if (!options.enumerate.exhaustive) return explore_with_faults(w, rec, options, plan, tools);
  ExploreOptions others = options;  // the modes exhaustive does not cover
  for (const crash::Mode m : {crash::Mode::prefix, crash::Mode::reorder, crash::Mode::torn})
    others.enumerate.modes.reset(static_cast<size_t>(m));
  ExploreResult result = explore_with_faults(w, rec, others, plan, tools);
  if (result.stopped) return result;
  const bool tears = options.enumerate.modes.test(static_cast<size_t>(crash::Mode::torn));
  std::vector<uint64_t> incomplete;
  explore_exhaustively(w, bugs, rec, options, ExhaustiveOptions{tears, options.enumerate.runs_per_cut}, &result, {},
                       &incomplete);
  check_incomplete_cuts(w, rec, options, plan, tools, tears, std::move(incomplete), &result);
  return result;
}

}  // namespace sc

// explore.cpp — see explore.h.
#include "injector/inproc/explore.h"

#include <memory>

#include "injector/check/explore_with_faults.h"
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

ExploreResult explore_inproc(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                             const ExploreOptions& options) {
  const ExplorePlan plan{false, 1, 0.5};
  FaultTools tools;
  tools.make_checker = [&] { return std::make_unique<InprocChecker>(w, bugs); };
  tools.sectors_read = inproc_sectors_read(w, bugs);
  tools.record_failing = [&](const crash::Fault& fault) { return record_inproc(w, bugs, nullptr, &fault); };
  if (!options.enumerate.exhaustive) return explore_with_faults(w, rec, options, plan, tools);
  ExploreOptions others = options;  // the modes exhaustive does not cover
  for (const crash::Mode m : {crash::Mode::prefix, crash::Mode::reorder, crash::Mode::torn})
    others.enumerate.modes.reset(static_cast<size_t>(m));
  ExploreResult result = explore_with_faults(w, rec, others, plan, tools);
  if (!result.stopped)
    explore_exhaustively(w, bugs, rec, options,
                         ExhaustiveOptions{options.enumerate.modes.test(static_cast<size_t>(crash::Mode::torn))}, &result);
  return result;
}

}  // namespace sc

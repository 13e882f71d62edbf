// explore.cpp — see explore.h.
#include "injector/inproc/explore.h"

#include "injector/inproc/inproc_checker.h"

namespace sc {

ExploreResult explore_inproc(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                             const ExploreOptions& options) {
  const ExplorePlan plan{false, 1, 0.5};
  return explore(w, rec, options, plan, [&] { return std::make_unique<InprocChecker>(w, bugs); });
}

}  // namespace sc

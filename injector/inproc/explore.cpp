// explore.cpp — see explore.h.
#include "injector/inproc/explore.h"

#include "injector/inproc/inproc_checker.h"
#include "injector/inproc/io_error_explore.h"
#include "injector/inproc/read_error_explore.h"

namespace sc {

ExploreResult explore_inproc(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                             const ExploreOptions& options) {
  const ExplorePlan plan{false, 1, 0.5};
  ExploreResult result = explore(w, rec, options, plan, [&] { return std::make_unique<InprocChecker>(w, bugs); });
  if (options.enumerate.modes.test(static_cast<size_t>(crash::Mode::read_error)) && !result.stopped)
    explore_read_errors(w, bugs, rec, options, &result);
  if (options.enumerate.modes.test(static_cast<size_t>(crash::Mode::io_error)) && !result.stopped)
    explore_io_errors(w, bugs, rec, options, &result);
  return result;
}

}  // namespace sc

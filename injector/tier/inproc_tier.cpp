// inproc_tier.cpp — see inproc_tier.h.
#include "injector/tier/inproc_tier.h"

#include "injector/common/input_error.h"
#include "injector/inproc/explore.h"
#include "injector/inproc/inproc_checker.h"
#include "injector/inproc/recording.h"

namespace sc::tier {

Recording InprocTier::record(const Workload& w, const SeededBugs& bugs, const std::optional<crash::Fault>& fault) const {
  return record_inproc(w, bugs, nullptr, fault ? &*fault : nullptr);
}

ExploreResult InprocTier::explore(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                                  const ExploreOptions& options) const {
  return explore_inproc(w, bugs, rec, options);
}

std::vector<std::string> InprocTier::live_cuts(const Workload&, const SeededBugs&, const Recording&, size_t) const {
  return {};
}

Verdict InprocTier::replay(const Case& c) const { return replay_inproc(c); }

Verdict InprocTier::replay_gdb(const Case&, const std::function<void(const std::string&)>&) const {
  throw InputError("--gdb: only the QEMU tier boots for a debugger (--tier qemu)");
}

}  // namespace sc::tier

// tier_dispatch.h — runs the record / explore / replay steps of a command on
// the tier the user chose, so run and replay share one code path for both
// tiers. Throws InputError (exit 2) when the QEMU tier cannot start.
#pragma once
#include <string>
#include <vector>

#include "injector/cli/tier_flags.h"
#include "injector/inproc/case_file.h"
#include "injector/inproc/explore.h"

namespace sc::cli {

Recording record_on(const TierFlags& tier, const Workload& w, const SeededBugs& bugs);
ExploreResult explore_on(const TierFlags& tier, const Workload& w, const SeededBugs& bugs, const Recording& rec,
                         const ExploreOptions& options);
// QEMU tier only (empty in-process): disagreements of live cuts.
std::vector<std::string> live_cuts_on(const TierFlags& tier, const Workload& w, const SeededBugs& bugs,
                                      const Recording& rec, size_t count);
Verdict replay_on(const TierFlags& tier, const Case& c);

}  // namespace sc::cli

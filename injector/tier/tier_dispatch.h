// tier_dispatch.h — runs the record / explore / live-cut / replay steps of a
// command or a campaign on the tier its TierSpec names, so every caller
// shares one code path for both tiers.
// Interface: record_on, explore_on, live_cuts_on, replay_on.
// Errors: record_on throws InputError (exit 2) when QEMU produced no trace
// (it cannot start, or the kernel or plugin is missing); every step is
// in-process when the build has no QEMU tier.
#pragma once
#include <string>
#include <vector>

#include "injector/inproc/case_file.h"
#include "injector/inproc/explore.h"
#include "injector/tier/tier_spec.h"

namespace sc::tier {

Recording record_on(const TierSpec& tier, const Workload& w, const SeededBugs& bugs);
// Under QEMU: at most options.max_states states, spread over the enumeration,
// tier.qemu_sessions boots at a time.
ExploreResult explore_on(const TierSpec& tier, const Workload& w, const SeededBugs& bugs, const Recording& rec,
                         const ExploreOptions& options);
// QEMU tier only (empty in-process): disagreements of live cuts.
std::vector<std::string> live_cuts_on(const TierSpec& tier, const Workload& w, const SeededBugs& bugs,
                                      const Recording& rec, size_t count);
Verdict replay_on(const TierSpec& tier, const Case& c);

}  // namespace sc::tier

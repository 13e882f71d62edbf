// tier_dispatch.h — runs the record / explore / live-cut / replay steps of a
// command or a campaign on the tier its TierSpec names, so every caller
// shares one code path for both tiers: each is a thin call on the Tier
// object make_tier() returns (tier.h).
// Interface: record_on, explore_on, live_cuts_on, replay_on, and
// replay_on_gdb (QEMU: the recovery boot waits for a debugger).
// Errors: record_on throws InputError (exit 2) when QEMU produced no trace
// (it cannot start, or the kernel or plugin is missing); when the build has
// no QEMU tier, every step given a TierSpec naming it throws InputError
// rather than run in-process.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "injector/check/case_file.h"
#include "injector/check/explore_result.h"
#include "injector/check/recording.h"
#include "injector/tier/tier_spec.h"

namespace sc::tier {

Recording record_on(const TierSpec& tier, const Workload& w, const SeededBugs& bugs,
                    const std::optional<crash::Fault>& fault = std::nullopt);
// Under QEMU: at most options.max_states states, spread over the enumeration,
// tier.qemu_sessions boots at a time.
ExploreResult explore_on(const TierSpec& tier, const Workload& w, const SeededBugs& bugs, const Recording& rec,
                         const ExploreOptions& options);
// QEMU tier only (empty in-process): disagreements of live cuts.
std::vector<std::string> live_cuts_on(const TierSpec& tier, const Workload& w, const SeededBugs& bugs,
                                      const Recording& rec, size_t count);
Verdict replay_on(const TierSpec& tier, const Case& c);
// Like replay_on on the QEMU tier, but QEMU starts the recovery boot paused
// with its gdbstub on a unix socket and no boot timeout (a day): `attach`
// gets the gdb command line that connects and sets a breakpoint at
// recovery (sc::Kernel::boot), before QEMU starts; the guest runs when gdb
// continues. Throws InputError without the QEMU tier.
Verdict replay_on_gdb(const TierSpec& tier, const Case& c, const std::function<void(const std::string&)>& attach);

}  // namespace sc::tier

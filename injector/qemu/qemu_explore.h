// qemu_explore.h — how the QEMU tier checks crash states by real reboots.
// explore_plan(workers) is its plan for the shared explore loop
// (injector/check/explore.h): at most `max_states` states, spread evenly
// over the enumeration (injector/check/spread_states.h), recovered `workers`
// boots at a time (one QemuChecker, i.e. one nbdkit + QEMU session, per
// worker, each told its next state so the plugin has it before the guest's
// next power-on asks), each judged by classify() like the in-process tier; the QEMU Tier
// (injector/tier/qemu_tier_object.h) runs it, and the fault explorers,
// through explore_with_faults(). options.should_stop is asked before each
// batch of boots; once it is true no boot starts, and the result counts the
// states checked so far (`stopped` set). An exception thrown by
// options.progress (or a session) ends the exploration and is rethrown.
#pragma once
#include "injector/check/explore.h"
#include "injector/qemu/qemu_tier.h"

namespace sc::qemu {

ExplorePlan explore_plan(size_t workers);

// Rebuilds one case's image and recovers it under QEMU.
Verdict replay_qemu(const Workload& w, const SeededBugs& bugs, const crash::Trace& trace,
                    const crash::CrashState& state, std::span<const SystemState> history,
                    std::span<const StabilisationSpan> spans, const TierConfig& cfg);

}  // namespace sc::qemu

namespace sc::qemu {

// Live cuts at `count` evenly spaced requests: the plugin freezes the
// durable state at the cut, the guest's boot ends there, and recovery boots
// (a reset of the same QEMU) on what was frozen. Each is judged, and
// compared with the offline cut built from the recording at the same
// request. Returns one line per disagreement or
// illegal live verdict.
std::vector<std::string> check_live_cuts(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                                         size_t count, const TierConfig& cfg);

}  // namespace sc::qemu

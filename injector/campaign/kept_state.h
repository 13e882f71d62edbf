// kept_state.h — rebuilds a crash state a campaign kept (a crash_state row)
// exactly as the campaign checked it, as a replayable Case: the workload
// from its row, the seeded bugs from its campaign's stored options, the
// trace recorded again on the campaign's tier (recording is deterministic;
// with the state's io-error fault, if it has one, failing its request),
// and the crash state from its state key.
// Interface: rebuild_kept_state(row, tier) — `tier` gives the QEMU kernel,
// plugin and timeout; its kind is replaced by the campaign's.
// Invariant: the rebuilt crash image's fingerprint equals the one stored
// with the row, or rebuild_kept_state throws; every error is a one-line
// InputError (a row kept before schema 3, a malformed key or workload, an
// image that differs).
#pragma once
#include "injector/check/case_file.h"
#include "injector/results/records.h"
#include "injector/tier/tier_spec.h"

namespace sc::campaign {

Case rebuild_kept_state(const results::CrashCase& row, const tier::TierSpec& tier);

}  // namespace sc::campaign

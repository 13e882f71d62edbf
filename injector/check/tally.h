// tally.h — counting judged crash states into an ExploreResult, the same in
// both tiers: the phase a cut falls in, the failure signature of an illegal
// verdict, and tally() itself.
// Invariant: a signature is built from structured records only (phase,
// outcome, the kinds of the verdict's StateDifferences, fsck present), never
// from message text, so rewording a message changes no deduplication.
#pragma once
#include <cstddef>
#include <string>

#include "injector/check/explore_result.h"
#include "injector/crash/trace.h"
#include "injector/oracle/verdict.h"

namespace sc {

// The phase in effect when power was lost at `cut`: that of the last request
// issued before it (the first request's for cut 0; RUN for an empty trace).
Phase cut_phase(const crash::Trace& trace, size_t cut);

// Failure signature: phase + outcome + the shape of the difference (which
// data went wrong, and how: "missing page of managed data", ...), read from
// the first kShownDifferences differences; independent of pages and values.
// A verdict with no difference and no fsck finding is shaped by its reason.
std::string failure_signature(Phase phase, const Verdict& v);

// Counts one judged state into `result` (and keeps it if its signature is new).
void tally(const crash::CrashState& state, Phase phase, const Verdict& v, ExploreResult* result);

}  // namespace sc

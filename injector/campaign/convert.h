// convert.h — from an exploration's result to the results database's
// values: the time per state and the outcome count cube (outcomes and
// crash-state kinds are the shared vocabulary of injector/vocab, no
// conversion needed).
#pragma once
#include <vector>

#include "injector/crash/crash_model.h"
#include "injector/inproc/explore.h"
#include "injector/results/records.h"

namespace sc::campaign {

// The exploration's time without enumeration, shared out evenly per state
// (timing every state on its own would cost more than checking it).
uint64_t check_us_per_state(const ExploreResult& r);
// One OutcomeCount per non-empty (phase, kind, outcome) cell, with its fsck
// findings and check_us_per_state() for each of its states.
std::vector<results::OutcomeCount> outcome_counts(const ExploreResult& r);

}  // namespace sc::campaign

// convert.h — from the in-process pipeline's values to the results
// database's: outcomes, crash-state kinds and the outcome count cube.
// Invariant: conversion goes by name, so a renamed enumerator fails loudly
// (std::logic_error) instead of silently miscounting.
#pragma once
#include <vector>

#include "injector/crash/crash_model.h"
#include "injector/inproc/explore.h"
#include "injector/results/records.h"

namespace sc::campaign {

results::Outcome to_db(Outcome o);
results::StateKind to_db(crash::Mode m);
// The exploration's time without enumeration, shared out evenly per state
// (timing every state on its own would cost more than checking it).
uint64_t check_us_per_state(const ExploreResult& r);
// One OutcomeCount per non-empty (phase, kind, outcome) cell, with its fsck
// findings and check_us_per_state() for each of its states.
std::vector<results::OutcomeCount> outcome_counts(const ExploreResult& r);

}  // namespace sc::campaign

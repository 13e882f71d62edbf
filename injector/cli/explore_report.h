// explore_report.h — how `run` and `replay` print results: the outcome ×
// phase table, what the exhaustive mode covered, and one block per failure
// signature (reason, diff, case file and the command that replays it).
#pragma once
#include <string>

#include "injector/inproc/explore.h"
#include "injector/tier/tier_spec.h"

namespace sc::cli {

void print_outcome_table(const ExploreResult& r);
// "exhaustive: every crash state covered at 28 of the 29 cuts explored; 1.05e+06 of 1.06e+06 crash states by
// 16696 recoveries" (an exploration stopped by --max-states explores fewer cuts than the trace has)
std::string exhaustive_line(const ExhaustiveCoverage& c);
// How many crash states cut power while a recovery was writing (nested
// cuts: crash, recover, crash during that recovery, recover again), given
// how many disk requests the recording's recoveries issued.
void print_recovery_cuts(const ExploreResult& r, size_t recovery_requests);
void print_failure(const StateFailure& f, uint64_t states, const std::string& case_path, const tier::TierSpec& tier);
void print_verdict(const Verdict& v);

}  // namespace sc::cli

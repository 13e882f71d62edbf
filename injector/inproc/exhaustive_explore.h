// exhaustive_explore.h — the exhaustive mode (`--modes exhaustive`,
// in-process): every power-cut crash state of every cut, explored by what
// recovery can observe instead of one by one.
// Per cut, the crash states are the assignments of the cut's variables
// (injector/crash/cut_variables.h: a variable per in-flight write, or per
// chunk of one with tears). Recovery runs on an UndeterminedDisk
// (undetermined_disk.h) that decides a variable only when recovery reads a
// sector that depends on it; a ChoicePath (choice_path.h) runs recovery
// again with the alternatives, depth first, until every distinct recovery
// has run. Each run stands for the 2^(variables - decided) states that agree
// with its decisions and is judged once, as the crash state that keeps just
// what it decided kept (legal windows depend on the cut only, so the verdict
// holds for all of them); it is tallied as one state of kind prefix, reorder
// or torn, as the enumerator would name that state.
// A cut stops at runs_per_cut runs (it is then not complete: coverage says
// how much of it was covered, and *incomplete_cuts, if given, lists it, in
// increasing order); max_states, should_stop and
// stop_at_first_illegal end the exploration as in explore().
// Results are added to *result, and result->exhaustive says what was covered.
// With options.cores of more than one core, no max_states and no observer,
// the cuts are searched on several threads with the same result
// (exhaustive_by_cuts.h).
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "injector/check/explore.h"
#include "injector/common/seeded_bugs.h"
#include "injector/crash/choice_path.h"
#include "injector/crash/cut_variables.h"

namespace sc {

struct ExhaustiveOptions {
  bool tears = false;             // a variable per chunk (torn states too)
  uint64_t runs_per_cut = crash::kDefaultRunsPerCut;
};

// Called after each run with the cut's variables, the run's decisions, its
// crash state and verdict (tests compare it with brute force).
using ExhaustiveObserver =
    std::function<void(const crash::CutVariables&, const crash::ChoicePath&, const crash::CrashState&, const Verdict&)>;

void explore_exhaustively(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                          const ExploreOptions& options, const ExhaustiveOptions& exhaustive, ExploreResult* result,
                          const ExhaustiveObserver& observe = {},
                          std::vector<uint64_t>* incomplete_cuts = nullptr);

}  // namespace sc

// site_census.h — the mutant sites a workload exercises: one counting run
// (record_inproc through a MutantRun that applies nothing) collects every
// (operator, site) the run passes, kept if the operator is among `ops` and
// the site belongs to a target: a manager whose program is `target`, or,
// for target "kernel", the kernel's own writes. Sites come in run order.
#pragma once
#include <string>
#include <vector>

#include "injector/common/seeded_bugs.h"
#include "injector/mutate/mutant_case.h"
#include "injector/workload/workload.h"

namespace sc::mutate {

constexpr const char* kKernelTarget = "kernel";

std::vector<MutantCase> census(const Workload& w, size_t workload_index, const SeededBugs& bugs,
                               const std::string& target, const std::vector<MutantOp>& ops);

// True if the workload runs a manager of program `target` (or target is "kernel").
bool exercises(const Workload& w, const std::string& target);

}  // namespace sc::mutate

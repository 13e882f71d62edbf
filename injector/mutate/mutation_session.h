// mutation_session.h — mutation testing of one target (a manager program, or
// "kernel") over a corpus, in-process: census every workload's sites
// (site_census.h), check that each workload is legal unmutated, then run the
// mutants (mutant_check.h) in an order shuffled by the seeded PRNG until the
// budget of wall time or of mutants runs out — a sample, when the budget is
// smaller than the corpus's sites: `sites` says how many there were, and
// `results` holds exactly the mutants decided. Results are sorted by
// workload, operator and site.
// Errors: InputError if a workload is illegal without any mutant (a mutation
// score needs a corpus its target passes).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "injector/common/seeded_bugs.h"
#include "injector/crash/enumerator.h"
#include "injector/mutate/mutant_case.h"
#include "injector/workload/workload.h"

namespace sc::mutate {

struct NamedWorkload {
  std::string name;
  Workload workload;
};

struct SessionOptions {
  std::string target;            // program name, or kKernelTarget
  std::vector<MutantOp> ops;
  crash::EnumeratorOptions enumerate;
  SeededBugs bugs;
  double budget_seconds = 60;
  size_t max_mutants = SIZE_MAX;
  uint64_t seed = 1;             // shuffles the mutants (enumerate.seed is the crash states')
  std::function<void(size_t done, size_t planned, double seconds)> progress;  // after each mutant
};

struct MutantResult {
  MutantCase mutant;
  MutantOutcome outcome;
};

struct SessionResult {
  size_t sites = 0;      // (operator, site) pairs the corpus exercises
  size_t planned = 0;    // of them, taken into the sample (max_mutants)
  std::vector<MutantResult> results;  // decided within the budget
  double seconds = 0;
};

SessionResult run_session(const std::vector<NamedWorkload>& corpus, const SessionOptions& options);

}  // namespace sc::mutate

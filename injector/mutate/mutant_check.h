// mutant_check.h — runs one mutant in-process: records the workload with the
// mutant applied (kernel/harness/mutant/), explores its crash states with the
// same checker and explore loop as `run` (stopping at the first illegal
// outcome), and decides: killed (a finding while recording, or an illegal
// crash state), equivalent (the mutant's set of reachable crash images equals
// the original's, image_set.h; or, failing that, its recovery set does,
// recovery_set.h), else survived, with a hint (survivor_hint.h).
// Recovery of each crash state runs the programs as written: the mutant
// changes the recorded run only.
// Returns nullopt if `out_of_time` ended the exploration before a verdict.
#pragma once
#include <functional>
#include <optional>
#include <vector>

#include "injector/common/seeded_bugs.h"
#include "injector/crash/enumerator.h"
#include "injector/mutate/mutant_case.h"
#include "injector/mutate/recovery_set.h"
#include "injector/workload/workload.h"

namespace sc::mutate {

struct MutantCheckContext {
  const Workload& workload;
  const SeededBugs& bugs;
  const std::vector<uint64_t>& original_images;  // reachable_images() of the unmutated recording
  const RecoverySet& original_recoveries;        // the unmutated recording's recovery set
  crash::EnumeratorOptions enumerate;
  std::function<bool()> out_of_time;  // empty: never
};

std::optional<MutantOutcome> check_mutant(const MutantCheckContext& ctx, const MutantCase& mutant);

}  // namespace sc::mutate

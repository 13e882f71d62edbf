// survivor_hint.h — the one-line hint printed with a surviving mutant: what
// kind of workload or crash mode would reach it, derived from the operator
// and what the exploration saw (which modes ran, how many states were
// checked, which crash images the mutant reached that the original does not,
// whether the workload crashes and recovers at all).
#pragma once
#include <cstdint>
#include <string>

#include "injector/crash/crash_model.h"
#include "kernel/harness/mutant/mutant_plan.h"

namespace sc::mutate {

struct SurvivorEvidence {
  MutantOp op = MutantOp::drop_flush;
  crash::ModeSet modes;
  uint64_t states = 0;         // crash states checked, all legal
  uint64_t new_images = 0;     // images the mutant reaches and the original does not
  uint64_t lost_images = 0;    // images the original reaches and the mutant does not
  bool workload_crashes = false;  // the workload has a crash step
};

std::string survivor_hint(const SurvivorEvidence& e);

}  // namespace sc::mutate

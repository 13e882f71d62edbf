// beyond_memory.h — a recording that ran out of the kernel's page frames.
// The reference model stops judging at the first op refused with
// Status::no_memory (reference_model.h); such a workload needs more memory
// than the system under test has, which says nothing about crash
// consistency, so it is rejected like any other input the system cannot
// take: BeyondMemory is an InputError (run exits 2 with its one line), and a
// campaign catches it to skip a generated workload.
// Invariant: a recording with a finding before memory ran out is returned
// as it is: the finding stands.
#pragma once
#include "injector/check/recording.h"
#include "injector/common/input_error.h"
#include "injector/workload/workload.h"

namespace sc {

class BeyondMemory : public InputError {
 public:
  using InputError::InputError;
};

// Throws BeyondMemory if `rec` ran out of memory and found nothing before.
void require_within_memory(const Workload& w, const Recording& rec);

}  // namespace sc

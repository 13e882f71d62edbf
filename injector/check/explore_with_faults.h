// explore_with_faults.h — a tier's whole exploration of a recording: the
// enumerated modes (power cuts and the image faults) through explore()
// (explore.h), then, when options.enumerate.modes asks for them, the fault
// classes that are not images of the recording's trace: read-error
// (read_error_explore.h), then io-error (io_error_explore.h), then
// call-error and call-misuse (call_fault_explore.h; InputError without
// tools.call_sites), with what the tier lends them (fault_tools.h), all into one result.
// Budget: with a spread plan (QEMU, whose max_states is always finite),
// max_states is shared evenly between the phases that run, and what a phase
// leaves unused goes to the later ones, so every mode asked for gets states;
// otherwise the phases take states in turn until max_states.
// A phase starts only if the earlier ones were not stopped (should_stop, or
// the first illegal state with stop_at_first_illegal).
#pragma once
#include "injector/check/explore.h"
#include "injector/check/fault_tools.h"

namespace sc {

ExploreResult explore_with_faults(const Workload& w, const Recording& rec, const ExploreOptions& options,
                                  const ExplorePlan& plan, const FaultTools& tools);

}  // namespace sc

// faulted_run_explore.h — what the explorers of the fault classes that change
// the run (io-error, io_error_explore.h; call-error and call-misuse,
// call_fault_explore.h)
// share: the exploration of one run recorded again with its fault.
//
// explore_faulted_run(): enumerates the prefix states of `rec`'s trace at
// every cut from `first_cut` on (the durable state alone and with every
// in-flight write kept; at the last cut: the run's end, no crash), within
// `share` states if given (prefix_states.h), recovers each through
// `checker`, judges it against the recording's legal windows (a
// stabilisation that returned an error is a failed attempt, legal_window.h)
// and tallies it into `result` under the fault's kind with the fault in
// CrashState::faults. An illegal state keeps its recording
// (StateFailure::recording) so its case file holds the faulted trace.
//
// run_share(): with tools.spread, one run's even share of the budget left
// when `runs_left` runs (this one included) are still to explore.
#pragma once
#include <memory>
#include <optional>

#include "injector/check/fault_tally.h"
#include "injector/check/fault_tools.h"

namespace sc {

void explore_faulted_run(const Workload& w, const std::shared_ptr<const Recording>& rec, const crash::Fault& fault,
                         size_t first_cut, const ExploreOptions& options, std::optional<uint64_t> share,
                         Checker& checker, FaultClock::time_point start, ExploreResult* result);

std::optional<uint64_t> run_share(const FaultTools& tools, const ExploreOptions& options, const ExploreResult& result,
                                  size_t runs_left);

}  // namespace sc

// io_error_explore.h — the io-error fault class (crash_model.h, FAULT
// CLASSES), in either tier: which requests of a run fail, and the
// exploration of each run recorded again with its request failing.
//
// draw_io_errors(trace, spans, seed): at most kIoErrorRunsPerWorkload
// faults, drawn with a Prng seeded with `seed` from the requests the
// stabilisations (`spans`) of a clean recording's `trace` issued (a crash step of the workload after the failure may
// recover the failed attempt's state: ReferenceModel::adopt_recovered). Half the
// draws are FLUSHes and half WRITEs when the run has both; a failed WRITE
// lands (detail 1: its data is recorded and may reach the media) with
// probability 1/2. Faults are in increasing request order, without repeats.
//
// explore_io_errors(): for each fault, records the workload again with that
// request failing (tools.record_failing), enumerates the prefix states of the
// new trace at every cut from the failed request on — the durable state
// alone and with every in-flight write kept (at the last cut: the run's end,
// no crash); with tools.spread, an even share of the budget left, spread over
// them (prefix_states.h) — recovers each through tools.make_checker's
// Checker, judges it against the faulted recording's legal windows (a
// stabilisation that returned an error is a failed attempt, legal_window.h)
// and tallies it into `result` under kind io-error with the fault in
// CrashState::faults. An illegal state keeps its recording
// (StateFailure::recording) so its case file holds the faulted trace;
// disagreements seen while re-recording go to result->run_findings.
// Stops at options.max_states / should_stop / stop_at_first_illegal like explore().
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "injector/check/explore.h"
#include "injector/check/fault_tools.h"

namespace sc {

constexpr size_t kIoErrorRunsPerWorkload = 8;

std::vector<crash::Fault> draw_io_errors(const crash::Trace& trace, std::span<const StabilisationSpan> spans,
                                         uint64_t seed);

void explore_io_errors(const Workload& w, const Recording& clean, const ExploreOptions& options,
                       const FaultTools& tools, ExploreResult* result);

}  // namespace sc

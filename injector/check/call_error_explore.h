// call_error_explore.h — the call-error fault class (crash_model.h, FAULT
// CLASSES), in-process: which system calls of a run fail, and the
// exploration of each run recorded again with its call failing.
//
// draw_call_errors(sites, seed): at most kCallErrorRunsPerWorkload faults,
// drawn with a Prng seeded with `seed` from the calls of a clean run
// (`sites`, in call order: FaultTools::call_sites). Calls are grouped by
// site — (manager, upcall answered, call) — and each draw takes a site not
// drawn yet, uniformly, then one of its calls, uniformly: at most one call
// per site, so a run's few faults reach as many different error paths of
// its managers as it has. Faults are in increasing call order; detail is
// the call (SysCall).
//
// explore_call_errors(): for each fault, records the workload again with
// that call failing (tools.record_failing) and explores the new trace from
// the failure on (faulted_run_explore.h), under kind call-error; the
// disagreements seen while re-recording go to result->run_findings. Stops
// like explore(). Needs tools.call_sites (the in-process tier's).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "injector/check/explore.h"
#include "injector/check/fault_tools.h"

namespace sc {

constexpr size_t kCallErrorRunsPerWorkload = 16;

std::vector<crash::Fault> draw_call_errors(std::span<const CallSite> sites, uint64_t seed);

void explore_call_errors(const Workload& w, const ExploreOptions& options, const FaultTools& tools,
                         ExploreResult* result);

}  // namespace sc

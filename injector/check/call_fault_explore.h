// call_fault_explore.h — the fault classes that fault one system call of a
// manager (crash_model.h, FAULT CLASSES), in-process: call-error (the call
// fails) and call-misuse (it reaches the kernel with an argument corrupted):
// which calls are faulted, and the exploration of each run recorded again
// with its call faulted.
//
// draw_call_faults(sites, seed, mode): at most kCallFaultRunsPerWorkload
// faults of kind `mode`, drawn with a Prng seeded with `seed` from the calls
// of a clean run (`sites`, in call order: FaultTools::call_sites; for
// call-misuse only the calls with an argument to misuse). Calls are grouped
// by site — (manager, upcall answered, call) — and each draw takes a site
// not drawn yet, uniformly, then one of its calls, uniformly: at most one
// call per site, so a run's few faults reach as many different error paths
// of its managers (and, misused, argument checks of the kernel) as it has.
// Faults are in increasing call order; detail is the call (SysCall).
//
// explore_call_faults(): for each fault, records the workload again with
// that call faulted (tools.record_failing) and explores the new trace from
// the fault on (faulted_run_explore.h), under the fault's kind; the
// disagreements seen while re-recording (and a misused call the kernel
// accepted) go to result->run_findings. Stops like explore(). Needs
// tools.call_sites (the in-process tier's).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "injector/check/explore.h"
#include "injector/check/fault_tools.h"

namespace sc {

constexpr size_t kCallFaultRunsPerWorkload = 16;

std::vector<crash::Fault> draw_call_faults(std::span<const CallSite> sites, uint64_t seed, crash::Mode mode);

void explore_call_faults(const Workload& w, crash::Mode mode, const ExploreOptions& options, const FaultTools& tools,
                         ExploreResult* result);

}  // namespace sc

// explore.h — the in-process tier's exploration: every crash state of a
// recording, in enumeration order up to options.max_states, recovered in
// this process by an InprocChecker through the shared explore loop
// (injector/check/explore.h), which also defines the result types; with
// read-error or io-error among the modes, the fault explorers follow
// (injector/check/explore_with_faults.h) with in-process tools: the
// InprocChecker, its log of the sectors recovery reads, and record_inproc
// with the failing request. With options.enumerate.exhaustive, the
// exhaustive mode (exhaustive_explore.h) covers prefix, reorder and torn
// after the other modes have run, within options.enumerate.runs_per_cut
// recoveries per cut; the cuts it leaves incomplete are then checked by the
// bounded modes (prefix and reorder, and torn with torn), so the exhaustive
// mode never checks a cut less than they would.
#pragma once
#include "injector/check/explore.h"
#include "injector/check/fault_tools.h"
#include "injector/check/tally.h"
#include "injector/common/seeded_bugs.h"

namespace sc {

ExploreResult explore_inproc(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                             const ExploreOptions& options);

// The sectors the in-process recovery of an image reads (FaultTools::sectors_read);
// its checker is made at the first call. `w` must outlive the function.
std::function<std::vector<uint64_t>(const crash::ImageView&)> inproc_sectors_read(const Workload& w,
                                                                                  const SeededBugs& bugs);

}  // namespace sc

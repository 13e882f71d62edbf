// bench_inproc.h — the measurements behind `stablecut bench --tier inproc`:
// crash states decided per second by one or several explorers at once, and
// the memory an enumeration holds per crash state.
// measure_explore() explores the recording over and over, in `workers`
// threads at once (each its own machine, as campaign workers are), for at
// least `seconds`, and sums what they decided; the rate is states per
// wall-clock second. measure_explore_by_cuts() explores it one exploration
// at a time, each checking its cuts on `cores` threads (explore_by_cuts.h),
// as `run --jobs` does. resident_bytes_per_state() enumerates every crash state
// of the recording once and divides the growth of this process's resident
// set (Linux /proc/self/status, VmRSS) by the states enumerated: what
// enumeration keeps per state (its dedupe set), allocator slack included.
#pragma once
#include <cstddef>
#include <cstdint>

#include "injector/inproc/explore.h"

namespace sc::cli {

struct ExploreRate {
  uint64_t states = 0;
  uint64_t recalled = 0;
  uint64_t rounds = 0;
  double seconds = 0;  // wall clock

  double decided_per_s() const { return static_cast<double>(states) / seconds; }
  double recovered_per_s() const { return static_cast<double>(states - recalled) / seconds; }
};

ExploreRate measure_explore(const Workload& w, const Recording& rec, const ExploreOptions& options, size_t workers,
                            double seconds);

ExploreRate measure_explore_by_cuts(const Workload& w, const Recording& rec, ExploreOptions options, size_t cores,
                                    double seconds);

double resident_bytes_per_state(const Recording& rec);

}  // namespace sc::cli

// read_error_explore.cpp — see read_error_explore.h.
#include "injector/inproc/read_error_explore.h"

#include <algorithm>
#include <vector>

#include "injector/crash/enumerator.h"
#include "injector/inproc/fault_tally.h"
#include "injector/inproc/inproc_checker.h"
#include "kernel/core/prng.h"

namespace sc {

namespace {

// Every sector the logged reads covered, sorted, without repeats.
std::vector<uint64_t> sectors_read(const std::vector<crash::OverlayDisk::ReadSpan>& reads) {
  std::vector<uint64_t> sectors;
  for (const auto& r : reads)
    for (uint32_t j = 0; j < r.count; ++j) sectors.push_back(r.sector + j);
  std::sort(sectors.begin(), sectors.end());
  sectors.erase(std::unique(sectors.begin(), sectors.end()), sectors.end());
  return sectors;
}

// Up to kReadErrorsPerState distinct sectors of `sectors`, drawn with `prng`.
std::vector<uint64_t> draw_sectors(std::vector<uint64_t> sectors, Prng* prng) {
  std::vector<uint64_t> drawn;
  while (drawn.size() < kReadErrorsPerState && !sectors.empty()) {
    const size_t at = static_cast<size_t>(prng->below(sectors.size()));
    drawn.push_back(sectors[at]);
    sectors[at] = sectors.back();
    sectors.pop_back();
  }
  return drawn;
}

}  // namespace

void explore_read_errors(const Workload& w, const SeededBugs& bugs, const Recording& rec, const ExploreOptions& options,
                         ExploreResult* result) {
  const auto start = FaultClock::now();
  crash::EnumeratorOptions enumerate;
  enumerate.modes = crash::only(crash::Mode::prefix);
  enumerate.seed = options.enumerate.seed;
  enumerate.recheck_from = window_changes(rec.spans);
  crash::CrashStateEnumerator states(rec.trace, enumerate);
  InprocChecker checker(w, bugs);
  Prng prng(options.enumerate.seed);
  std::vector<crash::OverlayDisk::ReadSpan> reads;
  while (!fault_explore_must_stop(options, *result) && states.next()) {
    reads.clear();
    checker.note_reads(&reads);
    checker.recover(states.image(), {});
    checker.note_reads(nullptr);
    for (uint64_t sector : draw_sectors(sectors_read(reads), &prng)) {
      if (fault_explore_must_stop(options, *result)) break;
      crash::CrashState state = states.state();
      state.kind = crash::Mode::read_error;
      state.faults = {crash::Fault{crash::Mode::read_error, 0, sector, 0}};
      tally_fault_state(w, rec, state, checker.recover(states.image(), state.faults), start, result);
    }
  }
  result->duplicates += states.counters().duplicates;
  result->seconds += std::chrono::duration<double>(FaultClock::now() - start).count();
}

}  // namespace sc

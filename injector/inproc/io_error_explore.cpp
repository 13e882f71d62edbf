// io_error_explore.cpp — see io_error_explore.h.
#include "injector/inproc/io_error_explore.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "injector/crash/enumerator.h"
#include "injector/inproc/fault_tally.h"
#include "injector/inproc/inproc_checker.h"
#include "injector/inproc/recording.h"
#include "kernel/core/prng.h"

namespace sc {

namespace {

// The requests (issue order = trace order in a clean run) that stabilisations
// issued, split into flushes and writes.
void candidates(const Recording& clean, std::vector<size_t>* flushes, std::vector<size_t>* writes) {
  const auto requests = clean.trace.requests();
  for (const StabilisationSpan& s : clean.spans) {
    for (uint64_t i = s.begin; i < s.end && i < requests.size(); ++i)
      (requests[i].kind == crash::Kind::flush ? flushes : writes)->push_back(static_cast<size_t>(i));
  }
}

// Removes and returns a uniformly drawn element of `from` (not empty).
size_t take_one(std::vector<size_t>* from, Prng* prng) {
  const size_t at = static_cast<size_t>(prng->below(from->size()));
  const size_t value = (*from)[at];
  (*from)[at] = from->back();
  from->pop_back();
  return value;
}

// Explores the prefix states of one faulted recording at cuts >= fault.request.
void explore_one(const Workload& w, const std::shared_ptr<const Recording>& rec, const crash::Fault& fault,
                 const ExploreOptions& options, Checker& checker, FaultClock::time_point start, ExploreResult* result) {
  crash::EnumeratorOptions enumerate;
  enumerate.modes = crash::only(crash::Mode::prefix);
  enumerate.seed = options.enumerate.seed;
  enumerate.recheck_from = window_changes(rec->spans);
  crash::CrashStateEnumerator states(rec->trace, enumerate);
  while (!fault_explore_must_stop(options, *result) && states.next()) {
    if (states.state().cut < fault.request) continue;
    crash::CrashState state = states.state();
    state.kind = crash::Mode::io_error;
    state.faults = {fault};
    if (tally_fault_state(w, *rec, state, checker.recover(states.image(), state.faults), start, result))
      result->failures.back().recording = rec;
  }
  result->duplicates += states.counters().duplicates;
}

}  // namespace

std::vector<crash::Fault> draw_io_errors(const Recording& clean, uint64_t seed) {
  std::vector<size_t> flushes, writes;
  candidates(clean, &flushes, &writes);
  Prng prng(seed);
  std::vector<crash::Fault> faults;
  while (faults.size() < kIoErrorRunsPerWorkload && (!flushes.empty() || !writes.empty())) {
    const bool flush = writes.empty() || (!flushes.empty() && faults.size() % 2 == 0);
    const size_t request = take_one(flush ? &flushes : &writes, &prng);
    const uint32_t lands = flush ? 0 : static_cast<uint32_t>(prng.below(2));
    faults.push_back(crash::Fault{crash::Mode::io_error, request, 0, lands});
  }
  std::sort(faults.begin(), faults.end(), [](const crash::Fault& a, const crash::Fault& b) { return a.request < b.request; });
  return faults;
}

void explore_io_errors(const Workload& w, const SeededBugs& bugs, const Recording& clean, const ExploreOptions& options,
                       ExploreResult* result) {
  const auto start = FaultClock::now();
  InprocChecker checker(w, bugs);
  for (const crash::Fault& fault : draw_io_errors(clean, options.enumerate.seed)) {
    if (fault_explore_must_stop(options, *result)) {
      result->stopped = true;
      break;
    }
    auto rec = std::make_shared<const Recording>(record_inproc(w, bugs, nullptr, &fault));
    for (const std::string& f : rec->findings)
      result->run_findings.push_back(fmt::format("with request {} failing: {}", fault.request, f));
    explore_one(w, rec, fault, options, checker, start, result);
  }
  result->seconds += std::chrono::duration<double>(FaultClock::now() - start).count();
}

}  // namespace sc

// io_error_explore.cpp — see io_error_explore.h.
#include "injector/check/io_error_explore.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "injector/check/faulted_run_explore.h"
#include "kernel/core/prng.h"

namespace sc {

namespace {

// The requests (issue order = trace order in a clean run) that stabilisations
// issued, split into flushes and writes.
void candidates(const crash::Trace& trace, std::span<const StabilisationSpan> spans, std::vector<size_t>* flushes,
                std::vector<size_t>* writes) {
  const auto requests = trace.requests();
  for (const StabilisationSpan& s : spans) {
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

}  // namespace

std::vector<crash::Fault> draw_io_errors(const crash::Trace& trace, std::span<const StabilisationSpan> spans,
                                         uint64_t seed) {
  std::vector<size_t> flushes, writes;
  candidates(trace, spans, &flushes, &writes);
  Prng prng(seed);
  std::vector<crash::Fault> faults;
  while (faults.size() < kIoErrorRunsPerWorkload && (!flushes.empty() || !writes.empty())) {
    const bool flush = writes.empty() || (!flushes.empty() && faults.size() % 2 == 0);
    const size_t request = take_one(flush ? &flushes : &writes, &prng);
    const uint32_t lands = flush ? 0 : static_cast<uint32_t>(prng.below(2));
    faults.push_back(crash::Fault{crash::Mode::io_error, request, 0, lands});
  }
  std::sort(faults.begin(), faults.end(),
            [](const crash::Fault& a, const crash::Fault& b) { return a.request < b.request; });
  return faults;
}

void explore_io_errors(const Workload& w, const Recording& clean, const ExploreOptions& options,
                       const FaultTools& tools, ExploreResult* result) {
  const auto start = FaultClock::now();
  const std::unique_ptr<Checker> checker = tools.make_checker();
  const std::vector<crash::Fault> faults = draw_io_errors(clean.trace, clean.spans, options.enumerate.seed);
  for (size_t i = 0; i < faults.size() && !fault_explore_must_stop(options, result); ++i) {
    const crash::Fault& fault = faults[i];
    auto rec = std::make_shared<const Recording>(tools.record_failing(fault));
    for (const std::string& f : rec->findings)
      result->run_findings.push_back(fmt::format("with request {} failing: {}", fault.request, f));
    explore_faulted_run(w, rec, fault, fault.request, options, run_share(tools, options, *result, faults.size() - i),
                        *checker, start, result);
  }
  result->seconds += std::chrono::duration<double>(FaultClock::now() - start).count();
}

}  // namespace sc

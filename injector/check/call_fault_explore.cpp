// call_fault_explore.cpp — see call_fault_explore.h.
#include "injector/check/call_fault_explore.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>

#include "injector/check/faulted_run_explore.h"
#include "kernel/core/prng.h"
#include "kernel/harness/call_fault/call_misuse.h"

namespace sc {

namespace {

using SiteKey = std::tuple<ManagerId, UpcallKind, SysCall>;

// The ordinals of the calls `mode` may fault at each site, sites in a stable order.
std::vector<std::vector<size_t>> calls_by_site(std::span<const CallSite> sites, crash::Mode mode) {
  std::map<SiteKey, std::vector<size_t>> by_site;
  for (size_t i = 0; i < sites.size(); ++i)
    if (mode != crash::Mode::call_misuse || passes_value(sites[i].call))
      by_site[{sites[i].manager, sites[i].upcall, sites[i].call}].push_back(i);
  std::vector<std::vector<size_t>> out;
  for (auto& [key, calls] : by_site) out.push_back(std::move(calls));
  return out;
}

const char* faulted(crash::Mode mode) { return mode == crash::Mode::call_misuse ? "misused" : "failing"; }

}  // namespace

std::vector<crash::Fault> draw_call_faults(std::span<const CallSite> sites, uint64_t seed, crash::Mode mode) {
  std::vector<std::vector<size_t>> groups = calls_by_site(sites, mode);
  Prng prng(seed);
  std::vector<crash::Fault> faults;
  while (faults.size() < kCallFaultRunsPerWorkload && !groups.empty()) {
    const size_t g = static_cast<size_t>(prng.below(groups.size()));
    const std::vector<size_t>& calls = groups[g];
    const size_t call = calls[static_cast<size_t>(prng.below(calls.size()))];
    faults.push_back(crash::Fault{mode, call, 0, static_cast<uint32_t>(sites[call].call)});
    groups[g] = std::move(groups.back());
    groups.pop_back();
  }
  std::sort(faults.begin(), faults.end(),
            [](const crash::Fault& a, const crash::Fault& b) { return a.request < b.request; });
  return faults;
}

void explore_call_faults(const Workload& w, crash::Mode mode, const ExploreOptions& options, const FaultTools& tools,
                         ExploreResult* result) {
  if (fault_explore_must_stop(options, result)) return;
  const auto start = FaultClock::now();
  const std::unique_ptr<Checker> checker = tools.make_checker();
  const std::vector<crash::Fault> faults = draw_call_faults(tools.call_sites(), options.enumerate.seed, mode);
  for (size_t i = 0; i < faults.size() && !fault_explore_must_stop(options, result); ++i) {
    const crash::Fault& fault = faults[i];
    auto rec = std::make_shared<const Recording>(tools.record_failing(fault));
    for (const std::string& f : rec->findings)
      result->run_findings.push_back(fmt::format("with call {} ({}) {}: {}", fault.request,
                                                 sys_call_name(static_cast<SysCall>(fault.detail)), faulted(mode), f));
    explore_faulted_run(w, rec, fault, rec->failed_call_position, options,
                        run_share(tools, options, *result, faults.size() - i), *checker, start, result);
  }
  result->seconds += std::chrono::duration<double>(FaultClock::now() - start).count();
}

}  // namespace sc

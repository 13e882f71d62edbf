// worker.h — one campaign workload, start to finish, on the calling thread:
// record it on the campaign's tier, explore its crash states there (under
// QEMU by real reboots, at most max_states of them spread over the
// enumeration), and, for each failure signature this campaign has not seen
// before, minimise it (in-process) and save two case files (as found and
// minimised). The result is a complete WorkloadRecord, ready for the single
// transaction that commits it.
//
// Interface: run_workload(job, context). Thread-safe: each call builds its own
// machine (recorder, checker or QEMU session, enumerator); the only shared state is the
// SignatureClaims set, under its mutex.
//
// Invariants: a workload cut short (context.should_stop) throws Stopped and
// releases the signatures it claimed, so nothing partial is ever returned;
// case files are written before the record that names them is committed.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "injector/campaign/generator.h"
#include "injector/campaign/minimize.h"
#include "injector/results/records.h"
#include "injector/tier/tier_spec.h"

namespace sc::campaign {

// Signatures some worker already minimised (or is minimising).
class SignatureClaims {
 public:
  bool claim(const std::string& signature);  // true if it was new
  void release(const std::string& signature);

 private:
  std::mutex mutex_;
  std::set<std::string> claimed_;
};

struct WorkerContext {
  SeededBugs bugs;
  crash::EnumeratorOptions enumerate;  // seed replaced by the job's
  tier::TierSpec tier;
  uint64_t max_states = UINT64_MAX;  // per workload
  std::string cases_dir;
  std::string case_prefix;  // e.g. "c3-": keeps campaigns' files apart
  bool minimize = true;
  SignatureClaims* claims = nullptr;
  std::atomic<uint64_t>* states_checked = nullptr;  // live counter for progress
  std::function<bool()> should_stop = [] { return false; };
};

struct WorkloadResult {
  results::WorkloadRecord record;
  uint64_t states = 0;
  uint64_t illegal = 0;
  size_t new_failures = 0;
  std::vector<std::string> recording_findings;
  std::vector<std::string> new_signatures;
};

WorkloadResult run_workload(const WorkloadJob& job, const WorkerContext& context);

}  // namespace sc::campaign

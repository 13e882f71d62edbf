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
// Stopping: context.should_stop is asked between crash states; when it
// turns true the exploration ends there and the result is marked partial
// (record.partial), holding every state checked so far, its failures and
// their case files (kept as found: minimising stops too). A workload
// stopped before its first crash state throws Stopped.
//
// With context.stop_at_first_illegal the exploration ends at the first
// illegal state (partial if states were left), and the result says when
// that state was judged and how many states of the workload led to it.
//
// Invariants: a workload that throws (Stopped or an error) releases the
// signatures it claimed and removes the case files it wrote; case files are
// written before the record that names them is committed, and a caller that
// drops a result without committing it removes its case_files (no case file
// outlives the absence of a row naming it).
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "injector/campaign/generator.h"
#include "injector/campaign/minimize.h"
#include "injector/check/explore_result.h"
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
  bool memoise = true;
  SignatureClaims* claims = nullptr;
  std::atomic<uint64_t>* states_checked = nullptr;  // live counter for progress
  std::function<bool()> should_stop = [] { return false; };
  bool stop_at_first_illegal = false;
  std::shared_ptr<CoreShare> cores;  // in-process: the campaign's cores; a worker holds one while it runs a job
};

// When the first illegal state of a workload was judged, and how many of
// the workload's states had been judged by then (itself included).
struct FirstIllegalState {
  std::chrono::steady_clock::time_point at;
  uint64_t states = 0;
};

struct WorkloadResult {
  results::WorkloadRecord record;
  uint64_t states = 0;
  uint64_t recalled = 0;
  std::optional<ExhaustiveCoverage> exhaustive;
  uint64_t illegal = 0;
  size_t new_failures = 0;
  std::vector<std::string> recording_findings;
  std::string recording_replay;  // with recording findings: the command that records the workload again
  std::string beyond_memory;  // set: the workload needs more page frames than the kernel has; nothing was checked
  std::vector<std::string> new_signatures;
  std::vector<std::string> case_files;  // written for this result: remove them if it is not committed
  std::optional<FirstIllegalState> first_illegal;  // set iff illegal > 0
};

// Removes the files (best effort; used for results that are not committed).
void remove_case_files(const std::vector<std::string>& paths);

WorkloadResult run_workload(const WorkloadJob& job, const WorkerContext& context);

}  // namespace sc::campaign

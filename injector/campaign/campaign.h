// campaign.h — the campaign engine (DESIGN.md §6): generates workloads
// (corpus + seeded mutation, see generator.h), runs them on --jobs worker
// threads (each with its own machine: in-process, or one QEMU at a time
// under --tier qemu, see worker.h) and commits each finished workload from
// this, the calling thread, which alone owns the results database.
//
// THE COMMIT POINT is ResultsDb::record_workload: one transaction per
// finished workload. A SIGKILL at any moment loses at most the workloads in
// flight; --resume (resume.h, then complete_workloads) reruns exactly
// those, because workload i is a pure function of (corpus, seed, i). The
// options are stored with the campaign (options_json.h).
//
// Stopping: `interrupted` (SIGINT, SIGTERM) or the --duration deadline stop
// the workloads in flight between two crash states; each is committed as
// partial (workload.partial) with every state it checked, its failures and
// their case files, so the summary counts exactly what the progress line
// did. A workload stopped before its first state is not committed (--resume
// runs it). --max-states and the workload limit only stop new workloads
// from starting. The campaign is then marked interrupted (a signal, an
// error) or finished. With stop_at_first_finding each workload's
// exploration ends at its first illegal state, and the campaign stops (as
// finished) once a workload with an illegal state is committed; either way
// the summary's first_finding says when the campaign's first illegal state
// was judged. A result that is not committed (an error) has its
// case files removed: every case file is named by a committed row.
#pragma once
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "injector/check/explore_result.h"
#include "injector/common/seeded_bugs.h"
#include "injector/crash/enumerator.h"
#include "injector/results/records.h"
#include "injector/tier/tier_spec.h"

namespace sc::campaign {

struct CampaignOptions {
  std::string name = "default";
  tier::TierSpec tier;  // where workloads are recorded and their crash states recovered
  std::string corpus_dir = "corpus/workloads";
  std::string db_path = "results/stablecut.db";
  std::string cases_dir;  // empty: "cases" beside the database (absolute, so stored paths work from anywhere)
  uint64_t seed = 1;      // master seed (a resumed campaign keeps its own)
  uint32_t shard_index = 0;
  uint32_t shard_count = 1;
  std::optional<std::int64_t> resume_id;  // continue this campaign (see resume.h)
  unsigned jobs = 1;
  std::optional<double> duration_s;
  std::optional<double> progress_every_s;  // seconds between progress lines; nullopt: ProgressLine's default
  uint64_t max_states = UINT64_MAX;
  // Crash states checked per workload (under QEMU spread over its
  // enumeration); nullopt: every state in-process, kDefaultQemuStates under
  // QEMU. Never more than max_states.
  std::optional<uint64_t> states_per_workload;
  uint64_t max_workloads = UINT64_MAX;  // global workload indices 0..max-1
  std::string manager;                  // corpus filter and label; empty: all
  SeededBugs bugs;
  crash::EnumeratorOptions enumerate;
  bool minimize = true;
  bool memoise = true;  // in-process: recovery memoisation (injector/check/recovery_memo.h); verdicts do not depend on it
  bool stop_at_first_finding = false;  // not a flag of `campaign`: set by `bench detect`
  bool steer = false;  // coverage steering of mutations (steering.h), --steer; see docs/campaigns.md for its limits
  std::string command_line;
  std::string version;
};

// The first illegal crash state the campaign committed: seconds from the
// campaign's start until it was judged; crash states checked until then
// (itself included: every state of the workloads committed before it, and
// its own workload's states up to it); that workload's name.
struct FirstFinding {
  double seconds = 0;
  uint64_t states = 0;
  std::string workload;
};

struct CampaignSummary {
  std::int64_t campaign_id = 0;
  std::string uuid;
  results::CampaignStatus status = results::CampaignStatus::finished;
  uint64_t workloads = 0;  // committed by this run
  uint64_t partial_workloads = 0;  // of those, cut short by the deadline or a stop
  uint64_t states = 0;
  uint64_t recalled = 0;  // of `states`, decided from an earlier identical recovery (the rest were recovered)
  std::optional<ExhaustiveCoverage> exhaustive;  // summed over the workloads, with --modes exhaustive
  uint64_t illegal = 0;
  uint64_t recording_findings = 0;
  uint64_t beyond_memory = 0;      // workloads skipped: more page frames than the kernel has (beyond_memory.h)
  std::string first_beyond_memory;  // the message of the first of them
  std::string first_recording_finding;  // the first recording disagreement of a committed workload
  std::string first_recording_replay;   // and the command that records that workload again
  uint64_t new_failures = 0;
  uint64_t total_failures = 0;
  double seconds = 0;
  std::optional<FirstFinding> first_finding;
  // The campaign's coverage as stored (coverage_summary.h), or why there is none.
  std::string coverage;
  std::string coverage_unavailable;
};

// Throws InputError for bad options, a corpus or database that cannot be
// used; anything a worker throws is rethrown here after the campaign has
// been marked interrupted.
CampaignSummary run_campaign(const CampaignOptions& options, const std::atomic<bool>& interrupted);

// The most crash states one workload of this campaign checks.
uint64_t workload_state_cap(const CampaignOptions& options);

// "i/N" → (i, N); throws InputError unless 0 <= i < N.
std::pair<uint32_t, uint32_t> parse_shard(const std::string& text);
// "90", "90s", "15m", "8h", "2d" → seconds; throws InputError otherwise.
double parse_duration(const std::string& text);

}  // namespace sc::campaign

// merge.h — merging per-shard results databases into one.
// Interface: merge(out, inputs). The output is created or migrated; each input
// must have this build's schema and is only read.
// Invariants:
//   * every input is checked (readable, ours, this build's schema, not the
//     output) before the output is touched; inputs are read through
//     read-only URIs, so they may lie where this process cannot write;
//   * one transaction per input: an interrupted merge leaves the output as it
//     was after the last whole input; a failed merge that created the output
//     removes it again (no empty output is left behind);
//   * campaigns are identified by uuid and workloads by (campaign uuid, name):
//     a workload the output already holds is skipped, so merging the same
//     shard again (or a shard that grew since) never counts anything twice;
//   * failures are deduplicated by signature; their count is recomputed from
//     failure hits and fuzz findings, first_seen is the earliest, and the
//     reproducer the earliest sighting's;
//   * a mutate run (the mutant rows of one `run` number) is identified by its
//     rows: every column but id and run, in the order written. A run the
//     output holds with the same rows is skipped; any other gets the next
//     free run number, so runs numbered alike in two inputs stay two runs;
//   * a detect run is identified by how it began (tier, budget_s,
//     master_seed, started_at, command_line, version; runs that began alike
//     become one), a detect result by (run, bug, campaign uuid): a run the
//     output holds gains only the results recorded since, and its latest
//     finished_at. A result's campaign maps by uuid, its first case to the
//     output's copy of that crash state: the earliest one of the same
//     workload with the same cut_index, kind and state_key.
#pragma once
#include <cstdint>
#include <filesystem>
#include <vector>

namespace sc::results {

struct MergeReport {
  std::int64_t campaigns_added = 0;
  std::int64_t workloads_added = 0;
  std::int64_t workloads_skipped = 0;  // already in the output
  std::int64_t fuzz_findings_added = 0;
  std::int64_t mutate_runs_added = 0;
  std::int64_t detect_runs_added = 0;
  std::int64_t detect_results_added = 0;  // to new runs and to runs already in the output
};

// Throws DbError "<path>: <what>" naming the input or output at fault.
MergeReport merge(const std::filesystem::path& out, const std::vector<std::filesystem::path>& inputs);

}  // namespace sc::results

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
//     reproducer the earliest sighting's.
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
};

// Throws DbError "<path>: <what>" naming the input or output at fault.
MergeReport merge(const std::filesystem::path& out, const std::vector<std::filesystem::path>& inputs);

}  // namespace sc::results

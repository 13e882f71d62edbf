// failure_sql.h — the one rule for folding a sighting of a failure into its
// deduplicated row, shared by record_workload, record_fuzz_finding and merge:
// counts add, first_seen is the earliest, last_seen the latest, and the
// reproducer is the one of the earliest sighting that has one.
#pragma once

namespace sc::results {

// Appended to "INSERT INTO failure(...) VALUES/SELECT ..." (a SELECT needs
// "WHERE true" before it). SET expressions read the row's old values.
inline constexpr const char* kFailureUpsert =
    " ON CONFLICT(signature) DO UPDATE SET"
    " count = count + excluded.count,"
    " first_seen = min(first_seen, excluded.first_seen),"
    " last_seen = max(last_seen, excluded.last_seen),"
    " repro_trace = iif(excluded.repro_trace IS NOT NULL AND (repro_trace IS NULL OR excluded.first_seen < first_seen),"
    "                   excluded.repro_trace, repro_trace),"
    " repro_seed = iif(excluded.repro_trace IS NOT NULL AND (repro_trace IS NULL OR excluded.first_seen < first_seen),"
    "                  excluded.repro_seed, repro_seed),"
    " repro_command = iif(excluded.repro_trace IS NOT NULL AND (repro_trace IS NULL OR excluded.first_seen < first_seen),"
    "                     excluded.repro_command, repro_command)";

}  // namespace sc::results

// detect_records.h — `stablecut bench detect` in the results database
// (results/schema.sql, migration 6): one detect_run per invocation, one
// detect_result per seeded bug timed (no bug: the correct system), each
// linked to the campaign that bug ran in.
// Interface: begin_detect_run, record_detect_result (one transaction per
// bug, so a killed run keeps every bug already timed), finish_detect_run,
// first_illegal_case (the first illegal kept crash state of a campaign's
// workload, which replay rebuilds exactly), detect_results (read back).
// Errors: DbError "<path>: <what>", like every ResultsDb call.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "results_db.h"

namespace sc::results {

struct DetectRunSpec {
  Tier tier = Tier::inproc;
  double budget_s = 0;
  std::uint64_t master_seed = 0;
  std::int64_t started_at = 0;
  std::string command_line;
  std::string version;
};

// The verdict of replaying the first failure on the other tier.
struct DetectReplay {
  Tier tier = Tier::qemu;
  Outcome outcome = Outcome::ok_current;
  bool legal = true;
  bool agrees = false;  // the same outcome and legality as the campaign's verdict
};

struct DetectResult {
  std::optional<std::string> bug;  // none: the correct system
  std::int64_t campaign_id = 0;
  bool detected = false;
  double seconds = 0;         // to the first illegal state if detected, else the campaign's
  std::uint64_t states = 0;   // checked until the first illegal state (itself included), else all
  std::uint64_t illegal = 0;  // every illegal state the campaign committed
  std::optional<std::int64_t> first_case_id;  // set iff detected
  std::optional<Phase> phase;
  std::optional<StateKind> kind;
  std::optional<Outcome> outcome;
  std::optional<DetectReplay> replay;
};

std::int64_t begin_detect_run(const ResultsDb& db, const DetectRunSpec& spec);
void record_detect_result(const ResultsDb& db, std::int64_t run_id, const DetectResult& result);
void finish_detect_run(const ResultsDb& db, std::int64_t run_id, std::int64_t finished_at);

// The id of the first illegal crash_state kept for workload `workload` of
// the campaign (kept in the order the states were judged), if any.
std::optional<std::int64_t> first_illegal_case(const ResultsDb& db, std::int64_t campaign_id,
                                               const std::string& workload);

// The results of a run, in the order they were recorded.
std::vector<DetectResult> detect_results(const ResultsDb& db, std::int64_t run_id);

}  // namespace sc::results

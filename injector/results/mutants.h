// mutants.h — the `mutant` table (results/schema.sql, migration 5): one row
// per mutant a `stablecut mutate` run decided. record_mutation_run writes a
// whole run in one transaction under the next run number and returns it;
// mutant_rows reads every row back (by run, then id) for reports.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "injector/results/results_db.h"

namespace sc::results {

struct MutantRow {
  std::int64_t run = 0;  // set by record_mutation_run
  std::int64_t started_at = 0;
  std::string target;
  std::string op;
  std::optional<std::int64_t> manager_id;  // nullopt: a kernel site
  std::int64_t stabilisation = 0;
  std::int64_t call = 0;
  std::string workload;
  std::string verdict;  // killed | survived | equivalent
  std::int64_t states = 0;
  double seconds = 0;
  std::string seed;     // format_seed()
  std::string evidence;
  std::optional<std::string> hint;
};

std::int64_t record_mutation_run(ResultsDb& db, const std::vector<MutantRow>& rows);
std::vector<MutantRow> mutant_rows(const ResultsDb& db);

}  // namespace sc::results

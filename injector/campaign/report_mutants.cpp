// report_mutants.cpp — the report's mutation-score data: for each target
// (manager program or "kernel"), its newest `stablecut mutate` run in the
// `mutant` table (results/schema.sql, migration 5), counted per operator,
// and that run's surviving mutants. See report.h (ReportData::mutants).
#include "injector/campaign/report.h"
#include "injector/results/sqlite.h"

namespace sc::campaign {

namespace {

constexpr const char* kNewestRuns = "SELECT max(run) FROM mutant GROUP BY target";

nlohmann::json score_rows(const results::ResultsDb& db) {
  results::Statement st(db.connection(),
                        std::string("SELECT run, target, operator, sum(verdict = 'killed'), sum(verdict = 'survived'), "
                                    "sum(verdict = 'equivalent') FROM mutant WHERE run IN (") +
                            kNewestRuns + ") GROUP BY run, target, operator ORDER BY target, min(id)");
  nlohmann::json out = nlohmann::json::array();
  while (st.step())
    out.push_back({{"run", st.column_int(0)}, {"target", st.column_text(1)}, {"operator", st.column_text(2)},
                   {"killed", st.column_int(3)}, {"survived", st.column_int(4)}, {"equivalent", st.column_int(5)}});
  return out;
}

nlohmann::json survivors(const results::ResultsDb& db) {
  results::Statement st(db.connection(),
                        std::string("SELECT target, operator, coalesce(manager_id, -1), stabilisation, call_ordinal, "
                                    "workload, coalesce(hint, '') FROM mutant WHERE verdict = 'survived' AND run IN (") +
                            kNewestRuns + ") ORDER BY target, id");
  nlohmann::json out = nlohmann::json::array();
  while (st.step()) {
    const std::int64_t m = st.column_int(2);
    const std::string where = (m < 0 ? std::string("kernel") : "m" + std::to_string(m)) + "/s" +
                              std::to_string(st.column_int(3)) + (m < 0 ? "/w" : "/c") +
                              std::to_string(st.column_int(4));
    out.push_back({{"target", st.column_text(0)}, {"operator", st.column_text(1)}, {"site", where},
                   {"workload", st.column_text(5)}, {"hint", st.column_text(6)}});
  }
  return out;
}

}  // namespace

nlohmann::json mutation_scores(const results::ResultsDb& db) {
  return {{"scores", score_rows(db)}, {"survivors", survivors(db)}};
}

}  // namespace sc::campaign

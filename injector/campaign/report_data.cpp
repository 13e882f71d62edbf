// report_data.cpp — the queries behind the HTML report (see report.h). Read
// only; every number comes from outcome_count, workload, failure_hit and
// failure, so it agrees with `stablecut stats`.
#include <set>
#include <tuple>

#include "injector/campaign/report.h"
#include "injector/results/sqlite.h"
#include "injector/results/stats.h"

namespace sc::campaign {

namespace {

using results::Statement;

nlohmann::json outcomes_by_phase(const results::ResultsDb& db) {
  results::StatsQuery q;
  q.group_by = {results::StatsDimension::phase, results::StatsDimension::outcome};
  nlohmann::json out = nlohmann::json::array();
  for (const auto& row : results::stats(db, q).rows)
    out.push_back({{"phase", std::get<std::string>(row[0])}, {"outcome", std::get<std::string>(row[1])},
                   {"states", std::get<std::int64_t>(row[2])}});
  return out;
}

nlohmann::json throughput(const results::ResultsDb& db) {
  Statement st(db.connection(),
               "SELECT w.recorded_at, coalesce(sum(oc.states), 0), w.check_s FROM workload w "
               "LEFT JOIN outcome_count oc ON oc.workload_id = w.id GROUP BY w.id ORDER BY w.recorded_at, w.id");
  nlohmann::json out = nlohmann::json::array();
  while (st.step()) out.push_back({{"t", st.column_int(0)}, {"states", st.column_int(1)}, {"check_s", st.column_double(2)}});
  return out;
}

nlohmann::json campaigns(const results::ResultsDb& db) {
  Statement st(db.connection(),
               "SELECT c.id, c.name, c.shard_index || '/' || c.shard_count, c.started_at, c.status,"
               " (SELECT coalesce(sum(oc.states), 0) FROM outcome_count oc JOIN workload w ON w.id = oc.workload_id"
               "  WHERE w.campaign_id = c.id),"
               " (SELECT count(DISTINCT h.failure_id) FROM failure_hit h JOIN workload w ON w.id = h.workload_id"
               "  WHERE w.campaign_id = c.id),"
               " (SELECT count(*) FROM (SELECT h.failure_id, min(w.campaign_id) AS first FROM failure_hit h"
               "  JOIN workload w ON w.id = h.workload_id GROUP BY h.failure_id) WHERE first = c.id)"
               " FROM campaign c ORDER BY c.started_at, c.id");
  nlohmann::json out = nlohmann::json::array();
  while (st.step())
    out.push_back({{"id", st.column_int(0)}, {"name", st.column_text(1) + " " + st.column_text(2)},
                   {"started_at", st.column_int(3)}, {"status", st.column_text(4)}, {"states", st.column_int(5)},
                   {"failures", st.column_int(6)}, {"new_failures", st.column_int(7)}});
  return out;
}

// Per workload in commit order: its outcome cells and failure ids, folded
// into cumulative set sizes.
nlohmann::json coverage(const results::ResultsDb& db) {
  Statement st(db.connection(),
               "SELECT w.id, w.recorded_at, 'c:' || oc.phase || '/' || oc.kind || '/' || oc.outcome FROM workload w "
               "JOIN outcome_count oc ON oc.workload_id = w.id "
               "UNION ALL SELECT w.id, w.recorded_at, 'f:' || h.failure_id FROM workload w "
               "JOIN failure_hit h ON h.workload_id = w.id ORDER BY 2, 1");
  std::set<std::string> cells, signatures;
  nlohmann::json out = nlohmann::json::array();
  std::int64_t current = -1, t = 0;
  auto flush = [&] {
    if (current >= 0) out.push_back({{"t", t}, {"cells", cells.size()}, {"signatures", signatures.size()}});
  };
  while (st.step()) {
    if (st.column_int(0) != current) flush();
    current = st.column_int(0);
    t = st.column_int(1);
    const std::string key = st.column_text(2);
    (key[0] == 'c' ? cells : signatures).insert(key);
  }
  flush();
  return out;
}

nlohmann::json failures(const results::ResultsDb& db) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : db.failures())
    out.push_back({{"id", f.id}, {"signature", f.signature}, {"count", f.count},
                   {"replay", f.reproducer ? f.reproducer->replay_command : "-"}});
  return out;
}

std::int64_t scalar(const results::ResultsDb& db, const char* sql) {
  Statement st(db.connection(), sql);
  st.step();
  return st.column_int(0);
}

}  // namespace

ReportData collect_report(const results::ResultsDb& db) {
  ReportData d;
  d.db_path = db.path();
  d.generated_at = results::unix_now();
  d.summary = {{"campaigns", scalar(db, "SELECT count(*) FROM campaign")},
               {"workloads", scalar(db, "SELECT count(*) FROM workload")},
               {"states", scalar(db, "SELECT coalesce(sum(states), 0) FROM outcome_count")},
               {"failures", scalar(db, "SELECT count(*) FROM failure")}};
  d.outcomes_by_phase = outcomes_by_phase(db);
  d.throughput = throughput(db);
  d.campaigns = campaigns(db);
  d.coverage = coverage(db);
  d.failures = failures(db);
  return d;
}

}  // namespace sc::campaign

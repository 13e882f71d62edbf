// report_data.cpp — the queries behind the HTML report (see report.h): the
// totals, the outcome cells by phase, the per-campaign summaries and the
// failure table. Read only; every number comes from outcome_count, workload,
// failure_hit and failure, so it agrees with `stablecut stats`.
#include "injector/campaign/report.h"
#include "injector/results/sqlite.h"

namespace sc::campaign {

namespace {

using results::Statement;

constexpr const char* kIllegalStates =
    "SELECT coalesce(sum(oc.states), 0) FROM outcome_count oc JOIN outcome o ON o.name = oc.outcome WHERE o.legal = 0";

std::int64_t scalar(const results::ResultsDb& db, const std::string& sql) {
  Statement st(db.connection(), sql);
  st.step();
  return st.column_int(0);
}

nlohmann::json phases(const results::ResultsDb& db) {
  Statement st(db.connection(),
               "SELECT p.name FROM phase p WHERE EXISTS (SELECT 1 FROM outcome_count oc WHERE oc.phase = p.name) "
               "ORDER BY p.ord");
  nlohmann::json out = nlohmann::json::array();
  while (st.step()) out.push_back(st.column_text(0));
  return out;
}

nlohmann::json by_phase(const results::ResultsDb& db) {
  Statement st(db.connection(),
               "SELECT oc.phase, oc.kind, oc.outcome, o.legal, sum(oc.states) FROM outcome_count oc "
               "JOIN phase p ON p.name = oc.phase JOIN state_kind k ON k.name = oc.kind "
               "JOIN outcome o ON o.name = oc.outcome "
               "GROUP BY oc.phase, oc.kind, oc.outcome ORDER BY p.ord, k.ord, o.ord");
  nlohmann::json out = nlohmann::json::array();
  while (st.step())
    out.push_back({{"phase", st.column_text(0)}, {"kind", st.column_text(1)}, {"outcome", st.column_text(2)},
                   {"legal", st.column_int(3) != 0}, {"states", st.column_int(4)}});
  return out;
}

nlohmann::json campaigns(const results::ResultsDb& db) {
  Statement st(
      db.connection(),
      "SELECT c.id, c.name || CASE WHEN c.shard_count > 1 THEN ' ' || c.shard_index || '/' || c.shard_count ELSE '' END,"
      " c.started_at, c.status,"
      " max(0, coalesce(c.finished_at, (SELECT max(w.recorded_at) FROM workload w WHERE w.campaign_id = c.id),"
      "  c.started_at) - c.started_at),"
      " (SELECT coalesce(sum(oc.states), 0) FROM outcome_count oc JOIN workload w ON w.id = oc.workload_id"
      "  WHERE w.campaign_id = c.id),"
      " (SELECT coalesce(sum(oc.states), 0) FROM outcome_count oc JOIN workload w ON w.id = oc.workload_id"
      "  JOIN outcome o ON o.name = oc.outcome WHERE w.campaign_id = c.id AND o.legal = 0),"
      " (SELECT count(DISTINCT h.failure_id) FROM failure_hit h JOIN workload w ON w.id = h.workload_id"
      "  WHERE w.campaign_id = c.id),"
      " (SELECT count(*) FROM (SELECT h.failure_id, min(w.campaign_id) AS first FROM failure_hit h"
      "  JOIN workload w ON w.id = h.workload_id GROUP BY h.failure_id) WHERE first = c.id)"
      " FROM campaign c ORDER BY c.started_at, c.id");
  nlohmann::json out = nlohmann::json::array();
  while (st.step())
    out.push_back({{"id", st.column_int(0)}, {"label", st.column_text(1)}, {"started_at", st.column_int(2)},
                   {"status", st.column_text(3)}, {"duration_s", st.column_int(4)}, {"states", st.column_int(5)},
                   {"illegal_states", st.column_int(6)}, {"failures", st.column_int(7)},
                   {"new_failures", st.column_int(8)}});
  return out;
}

nlohmann::json failures(const results::ResultsDb& db) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : db.failures())
    out.push_back({{"id", f.id}, {"signature", f.signature}, {"count", f.count}, {"first_seen", f.first_seen},
                   {"replay", f.reproducer ? f.reproducer->replay_command : "-"}});
  return out;
}

}  // namespace

ReportData collect_report(const results::ResultsDb& db) {
  ReportData d;
  d.db_path = db.path();
  d.generated_at = results::unix_now();
  d.summary = {{"campaigns", scalar(db, "SELECT count(*) FROM campaign")},
               {"workloads", scalar(db, "SELECT count(*) FROM workload")},
               {"states", scalar(db, "SELECT coalesce(sum(states), 0) FROM outcome_count")},
               {"illegal_states", scalar(db, kIllegalStates)},
               {"failures", scalar(db, "SELECT count(*) FROM failure")}};
  d.phases = phases(db);
  d.by_phase = by_phase(db);
  d.campaigns = campaigns(db);
  d.throughput = throughput_series(db);
  d.discovery = discovery_series(db);
  d.failures = failures(db);
  d.mutants = mutation_scores(db);
  d.coverage = coverage_json(db);
  return d;
}

}  // namespace sc::campaign

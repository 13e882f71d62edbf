// stats.cpp — the stats query: one GROUP BY over outcome_count joined to its
// workload and campaign (and the enumeration tables, for ordering).
#include "stats.h"

#include <fmt/format.h>

#include <array>

#include "sqlite.h"

namespace sc::results {

namespace {

struct DimensionSql {
  const char* name;
  const char* value;  // the grouped expression
  const char* order;  // its sort key
};

// A workload's managers: the distinct programs (registry names) in its
// JSON, sorted and joined by '+', e.g. "shadow" or "journal+shadow";
// workloads stored in format version 1 name them by "kind".
constexpr const char* kWorkloadManagers =
    "(SELECT group_concat(kind, '+') FROM (SELECT DISTINCT coalesce(json_extract(m.value, '$.program'), "
    "json_extract(m.value, '$.kind')) AS kind "
    "FROM json_each(w.workload_json, '$.managers') m ORDER BY kind))";

constexpr std::array<DimensionSql, 6> kDimensions = {{
    {"outcome", "oc.outcome", "o.ord"},
    {"phase", "oc.phase", "p.ord"},
    {"kind", "oc.kind", "k.ord"},
    {"manager", kWorkloadManagers, kWorkloadManagers},
    {"tier", "c.tier", "c.tier"},
    {"day", "date(w.recorded_at, 'unixepoch')", "date(w.recorded_at, 'unixepoch')"},
}};

const DimensionSql& sql_of(StatsDimension d) { return kDimensions[static_cast<std::size_t>(d)]; }

std::string build_sql(const StatsQuery& q) {
  std::vector<std::string> select, group, order;
  for (StatsDimension d : q.group_by) {
    select.emplace_back(sql_of(d).value);
    group.emplace_back(sql_of(d).value);
    group.emplace_back(sql_of(d).order);
    order.emplace_back(sql_of(d).order);
  }
  select.emplace_back("coalesce(sum(oc.states), 0)");
  std::string sql = fmt::format(
      "SELECT {} FROM outcome_count oc JOIN workload w ON w.id = oc.workload_id "
      "JOIN campaign c ON c.id = w.campaign_id JOIN phase p ON p.name = oc.phase "
      "JOIN state_kind k ON k.name = oc.kind JOIN outcome o ON o.name = oc.outcome",
      fmt::join(select, ", "));
  if (q.campaign_id) sql += " WHERE c.id = ?";
  if (!group.empty()) sql += fmt::format(" GROUP BY {} ORDER BY {}", fmt::join(group, ", "), fmt::join(order, ", "));
  return sql;
}

void check_query(const ResultsDb& db, const StatsQuery& q) {
  for (std::size_t i = 0; i < q.group_by.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (q.group_by[i] == q.group_by[j])
        db.connection().fail(fmt::format("stats dimension '{}' given twice", name(q.group_by[i])));
    }
  }
  if (q.campaign_id) db.campaign(*q.campaign_id);
}

}  // namespace

const char* name(StatsDimension d) { return sql_of(d).name; }

std::optional<StatsDimension> parse_stats_dimension(std::string_view s) {
  for (std::size_t i = 0; i < kDimensions.size(); ++i) {
    if (s == kDimensions[i].name) return static_cast<StatsDimension>(i);
  }
  return std::nullopt;
}

StatsTable stats(const ResultsDb& db, const StatsQuery& query) {
  check_query(db, query);
  Statement st(db.connection(), build_sql(query));
  if (query.campaign_id) st.bind(1, *query.campaign_id);
  StatsTable table;
  for (StatsDimension d : query.group_by) table.columns.emplace_back(name(d));
  table.columns.emplace_back("states");
  const int dims = static_cast<int>(query.group_by.size());
  while (st.step()) {
    std::vector<StatsCell> row;
    for (int i = 0; i < dims; ++i) row.emplace_back(st.column_text(i));
    row.emplace_back(st.column_int(dims));
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace sc::results

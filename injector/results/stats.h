// stats.h — recovery statistics: how many crash states were checked, grouped
// by any of outcome, phase, kind, manager (the managers the workload ran: the
// distinct kinds, sorted, joined by '+', e.g. "journal+shadow"), tier, day
// (the day the workload was recorded, UTC), optionally for one campaign; and
// three output formats.
// Invariant: counts come from outcome_count, which counts every checked state,
// so they are exact whichever states were kept individually.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "results_db.h"

namespace sc::results {

enum class StatsDimension { outcome, phase, kind, manager, tier, day };
const char* name(StatsDimension d);
std::optional<StatsDimension> parse_stats_dimension(std::string_view s);

struct StatsQuery {
  std::vector<StatsDimension> group_by;  // empty: one row, the total
  std::optional<std::int64_t> campaign_id;
};

using StatsCell = std::variant<std::string, std::int64_t>;

// columns = the group_by names, then "states"; rows in protocol/enum order
// for phase, kind and outcome, alphabetical or chronological otherwise.
struct StatsTable {
  std::vector<std::string> columns;
  std::vector<std::vector<StatsCell>> rows;
};

// Throws DbError for an unknown campaign id or a dimension given twice.
StatsTable stats(const ResultsDb& db, const StatsQuery& query);

enum class StatsFormat { table, csv, json };
std::optional<StatsFormat> parse_stats_format(std::string_view s);

std::string format_stats(const StatsTable& t, StatsFormat format);
std::string format_table(const StatsTable& t);  // aligned text, numbers right-aligned
std::string format_csv(const StatsTable& t);    // RFC 4180, header line first
std::string format_json(const StatsTable& t);   // array of {column: value} objects

}  // namespace sc::results

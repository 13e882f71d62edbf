// cmd_stats.cpp — `stablecut stats`: recovery statistics from a results
// database, grouped by any of outcome, phase, kind, manager, tier, day, as
// an aligned table, CSV or JSON (injector/results/stats.h). Read-only.
// Exit 0, or 2 for a missing/corrupt/newer database or an unknown campaign.
#include <fmt/format.h>

#include "injector/cli/commands.h"
#include "injector/cli/value_checks.h"
#include "injector/common/input_error.h"
#include "injector/results/stats.h"

namespace sc::cli {

namespace {

struct StatsFlags {
  std::string db = "results/stablecut.db";
  std::optional<std::int64_t> campaign;
  std::vector<std::string> by = {"outcome"};
  std::string format = "table";
};

int stats(const StatsFlags& flags) {
  results::StatsQuery query;
  query.campaign_id = flags.campaign;
  for (const auto& d : flags.by) query.group_by.push_back(*results::parse_stats_dimension(d));
  const auto db = results::ResultsDb::open(flags.db, results::OpenMode::read_only);
  fmt::print("{}", results::format_stats(results::stats(db, query), *results::parse_stats_format(flags.format)));
  return 0;
}

}  // namespace

void add_stats(CLI::App& app, Action* action) {
  auto flags = std::make_shared<StatsFlags>();
  CLI::App* cmd = app.add_subcommand("stats", "Recovery statistics from a results database");
  cmd->add_option("--db", flags->db, "Results database (SQLite)")->capture_default_str();
  cmd->add_option("--campaign", flags->campaign, "Only this campaign (its id, see the campaign summary)")
      ->check(whole_number(1, INT64_MAX));
  cmd->add_option("--by", flags->by, "Group by, repeatable or comma-separated: outcome, phase, kind, manager, tier, day")
      ->delimiter(',')
      ->check(one_of({"outcome", "phase", "kind", "manager", "tier", "day"}))
      ->capture_default_str();
  cmd->add_option("--format", flags->format, "Output format: table, csv or json")
      ->check(one_of({"table", "csv", "json"}))->capture_default_str();
  cmd->callback([flags, action] { *action = [flags] { return stats(*flags); }; });
}

}  // namespace sc::cli

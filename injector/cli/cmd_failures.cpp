// cmd_failures.cpp — `stablecut failures`: the deduplicated failures of a
// results database, or of one campaign (--campaign ID), in the order they
// were first seen (injector/results/failure_list.h): id, phase, outcome,
// sightings, first seen (UTC), signature and the command that replays the
// failure's stored reproducer (its case file, found beside --db if the
// database was moved, see case_location.h; for a `stablecut sqlite`
// failure, which has no case file, its stored command). Read-only; table,
// CSV or JSON.
// Exit 0, or 2 for a missing/corrupt/newer database or an unknown campaign.
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <ctime>

#include "injector/cli/commands.h"
#include "injector/cli/value_checks.h"
#include "injector/common/plural.h"
#include "injector/results/failure_list.h"
#include "injector/results/stats.h"

namespace sc::cli {

namespace {

struct FailuresFlags {
  std::string db = "results/stablecut.db";
  std::optional<std::int64_t> campaign;
  std::string format = "table";
};

std::string utc(std::int64_t unix_seconds) {
  return fmt::format("{:%Y-%m-%d %H:%M:%S}", fmt::gmtime(static_cast<std::time_t>(unix_seconds)));
}

std::string replay_command(const FailuresFlags& flags, const results::ListedFailure& l) {
  if (!l.failure.reproducer || !l.tier) return "-";
  if (l.failure.reproducer->trace_path.empty()) return l.failure.reproducer->replay_command;  // stablecut sqlite's
  return fmt::format("stablecut replay --db {} --failure {} --tier {}", flags.db, l.failure.id, results::name(*l.tier));
}

results::StatsTable failure_table(const FailuresFlags& flags, const std::vector<results::ListedFailure>& list) {
  results::StatsTable t;
  t.columns = {"id", "phase", "outcome", "count", "first_seen", "signature", "replay"};
  for (const auto& l : list) {
    const results::Failure& f = l.failure;
    t.rows.push_back({f.id, f.phase ? results::name(*f.phase) : "-", f.outcome ? results::name(*f.outcome) : "-",
                      static_cast<std::int64_t>(l.count), utc(f.first_seen), f.signature, replay_command(flags, l)});
  }
  return t;
}

int failures(const FailuresFlags& flags) {
  const auto db = results::ResultsDb::open(flags.db, results::OpenMode::read_only);
  const auto list = results::list_failures(db, flags.campaign);
  const auto format = *results::parse_stats_format(flags.format);
  if (format == results::StatsFormat::table && list.empty()) {
    fmt::print("no failures in {}{}\n", flags.db, flags.campaign ? fmt::format(" for campaign {}", *flags.campaign) : "");
    return 0;
  }
  fmt::print("{}", results::format_stats(failure_table(flags, list), format));
  if (format == results::StatsFormat::table) fmt::print("{}\n", counted(list.size(), "failure"));
  return 0;
}

}  // namespace

void add_failures(CLI::App& app, Action* action) {
  auto flags = std::make_shared<FailuresFlags>();
  CLI::App* cmd = app.add_subcommand("failures", "List the failures of a results database, each with its replay command");
  cmd->add_option("--db", flags->db, "Results database (SQLite)")->capture_default_str();
  cmd->add_option("--campaign", flags->campaign, "Only the failures this campaign hit (its id, see the campaign summary)")
      ->check(whole_number(1, INT64_MAX));
  cmd->add_option("--format", flags->format, "Output format: table, csv or json")
      ->check(one_of({"table", "csv", "json"}))
      ->capture_default_str();
  cmd->callback([flags, action] { *action = [flags] { return failures(*flags); }; });
}

}  // namespace sc::cli

// cmd_report.cpp — `stablecut report --db FILE --out DIR`: writes DIR/index.html,
// a static page with plots of the results database (injector/campaign/report.h)
// that opens in a browser from disk, and prints the line and branch coverage
// per part of the newest campaign with coverage (the page lists the lines
// never reached). With --bench-history FILE the page also plots the bench
// figures a nightly job appended to FILE and lists their regressions.
// Exit 0, or 2 on a bad database, DIR or FILE.
#include <fmt/format.h>

#include "injector/campaign/coverage_summary.h"
#include "injector/campaign/report.h"
#include "injector/cli/commands.h"
#include "injector/cli/output_paths.h"

namespace sc::cli {

namespace {

struct ReportFlags {
  std::string db = "results/stablecut.db";
  std::string out = "results/report";
  std::string bench_history;
};

void print_coverage(const nlohmann::json& coverage) {
  if (coverage.is_null()) return;
  for (const auto& p : coverage["parts"]) {
    const auto lines = p["lines"].get<uint64_t>(), lines_hit = p["lines_hit"].get<uint64_t>();
    const auto edges = p["edges"].get<uint64_t>(), edges_hit = p["edges_hit"].get<uint64_t>();
    fmt::print("coverage of campaign {}: {} lines {:.1f}% ({}/{}), branches {:.1f}% ({}/{}), {} ranges never reached\n",
               coverage["campaign"].get<std::int64_t>(), p["part"].get<std::string>(),
               campaign::percent(lines_hit, lines), lines_hit, lines, campaign::percent(edges_hit, edges), edges_hit,
               edges, p["unreached"].size());
  }
}

int report(const ReportFlags& flags) {
  const auto db = results::ResultsDb::open(flags.db, results::OpenMode::read_only);
  prepare_output_dir("--out", flags.out);
  fmt::print("wrote {}\n", campaign::write_report(db, flags.out, flags.bench_history));
  print_coverage(campaign::coverage_json(db));
  return 0;
}

}  // namespace

void add_report(CLI::App& app, Action* action) {
  auto flags = std::make_shared<ReportFlags>();
  CLI::App* cmd = app.add_subcommand("report", "Write a static HTML report with plots of a results database");
  cmd->add_option("--db", flags->db, "Results database (SQLite)")->capture_default_str();
  cmd->add_option("--out", flags->out, "Directory for index.html")->capture_default_str();
  cmd->add_option("--bench-history", flags->bench_history,
                  "File of stablecut bench --format json lines (one per run, appended): plots every figure per run "
                  "and lists the ones more than 10% below their best");
  cmd->callback([flags, action] { *action = [flags] { return report(*flags); }; });
}

}  // namespace sc::cli

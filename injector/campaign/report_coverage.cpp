// report_coverage.cpp — the coverage section of the report (report.h):
// per part of the system under test (coverage_summary.h) the line and
// branch coverage of the newest campaign that stored coverage, and the
// lines it never reached, grouped in ranges.
#include <fmt/format.h>

#include "injector/campaign/coverage_summary.h"
#include "injector/campaign/report.h"
#include "injector/campaign/report_text.h"
#include "injector/results/coverage.h"
#include "injector/results/sqlite.h"

namespace sc::campaign {

namespace {

std::optional<std::int64_t> newest_covered_campaign(const results::ResultsDb& db) {
  results::Statement st(db.connection(), "SELECT max(campaign_id) FROM coverage_edge");
  if (!st.step()) return std::nullopt;
  return st.column_optional_int(0);
}

}  // namespace

nlohmann::json coverage_json(const results::ResultsDb& db) {
  const auto id = newest_covered_campaign(db);
  if (!id) return nullptr;
  nlohmann::json parts = nlohmann::json::array();
  for (const CoveragePart& p : summarize(results::coverage(db, *id)))
    parts.push_back({{"part", p.part}, {"lines", p.lines}, {"lines_hit", p.lines_hit}, {"edges", p.edges},
                     {"edges_hit", p.edges_hit}, {"unreached", p.unreached}});
  return {{"campaign", *id}, {"parts", parts}};
}

std::string coverage_html(const nlohmann::json& coverage) {
  if (coverage.is_null()) return "<h2>Coverage</h2>\n<p>No campaign in this database stored coverage.</p>\n";
  std::string rows, lists;
  for (const auto& p : coverage["parts"]) {
    const auto part = p["part"].get<std::string>();
    const auto lines = p["lines"].get<uint64_t>(), lines_hit = p["lines_hit"].get<uint64_t>();
    const auto edges = p["edges"].get<uint64_t>(), edges_hit = p["edges_hit"].get<uint64_t>();
    rows += fmt::format(
        "<tr><td>{}</td><td class=n>{:.1f}% ({}/{})</td><td class=n>{:.1f}% ({}/{})</td><td class=n>{}</td></tr>\n",
        escape_html(part), percent(lines_hit, lines), lines_hit, lines, percent(edges_hit, edges), edges_hit, edges,
        p["unreached"].size());
    std::string items;
    for (const auto& r : p["unreached"]) items += fmt::format("<li><code>{}</code></li>", escape_html(r.get<std::string>()));
    if (!items.empty())
      lists += fmt::format("<details><summary>{}: lines never reached</summary><ul>{}</ul></details>\n",
                           escape_html(part), items);
  }
  return fmt::format(
      "<h2 id=coverage>Coverage of campaign {}</h2>\n<table><tr><th>part</th><th>lines</th><th>branches (edges)</th>"
      "<th>unreached ranges</th></tr>\n{}</table>\n{}",
      coverage["campaign"].get<std::int64_t>(), rows, lists);
}

}  // namespace sc::campaign

// report_bench.cpp — the report's bench history section (report.h): a
// <figure> per series for the page script to draw, and the regressions
// (bench_history.h) as a table, each with how much of its best it lost.
#include <fmt/format.h>

#include "injector/campaign/bench_history.h"
#include "injector/campaign/report.h"
#include "injector/campaign/report_text.h"

namespace sc::campaign {

namespace {

std::string regression_rows(const nlohmann::json& regressions) {
  std::string rows;
  for (const auto& r : regressions)
    rows += fmt::format(
        "<tr><td>{}</td><td>{}</td><td class=n>{:.0f}</td><td class=n>{:.0f}</td><td>{}</td><td class=n>{:.1f}%</td>"
        "</tr>\n",
        escape_html(r["series"].get<std::string>()), escape_html(r["figure"].get<std::string>()),
        r["newest"].get<double>(), r["best"].get<double>(), utc(r["best_at"].get<std::int64_t>()),
        100.0 * r["drop"].get<double>());
  return rows;
}

}  // namespace

std::string bench_history_html(const nlohmann::json& bench) {
  std::string out = "<h2>Bench history</h2>\n";
  if (bench.is_null())
    return out + "<p>No bench history given. Keep one with <code>stablecut bench --format json &gt;&gt; "
                 "results/bench.jsonl</code> after each build, then <code>stablecut report --bench-history "
                 "results/bench.jsonl</code>.</p>\n";
  out += "<div class=charts>\n";
  for (size_t i = 0; i < bench["series"].size(); ++i)
    out += fmt::format("<figure class=chart id=chart-bench-{}><canvas></canvas></figure>\n", i);
  out += "</div>\n";
  if (bench["regressions"].empty())
    return out + fmt::format("<p id=bench-regressions>No regression: every figure's newest value is within {:.0f}% "
                             "of its best.</p>\n",
                             100 * kBenchRegression);
  return out + fmt::format("<table id=bench-regressions><tr><th>series</th><th>figure (more is better)</th>"
                           "<th>newest</th><th>best before</th><th>best measured (UTC)</th><th>lost</th></tr>\n"
                           "{}</table>\n",
                           regression_rows(bench["regressions"]));
}

}  // namespace sc::campaign

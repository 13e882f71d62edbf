// report_html.cpp — renders the report page (see report.h): static HTML with
// the totals, a <figure> per chart, tables of campaigns and failures, the
// data as a JSON island, Chart.js inlined and the page's chart script
// (report_page.js). Nothing is fetched from anywhere; the page works from
// file://. write_report writes index.html through a temporary file and a
// rename, so a failed write leaves no partial page.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "injector/campaign/bench_history.h"
#include "injector/campaign/report.h"
#include "injector/campaign/report_text.h"
#include "injector/common/input_error.h"

namespace sc::campaign {

namespace {

// JSON that is safe inside <script>: no '<' at all ('<' only occurs in strings).
std::string script_safe(const nlohmann::json& j) {
  std::string s = j.dump(-1, ' ', true);
  for (size_t at = s.find('<'); at != std::string::npos; at = s.find('<', at)) s.replace(at, 1, "\\u003c");
  return s;
}

constexpr const char* kStyle = R"(
body{font:14px system-ui,sans-serif;margin:2em;color:#222;max-width:1300px}
h1{font-size:1.4em} h2{font-size:1.15em;margin-top:1.6em} h3{font-size:1em;margin:.2em 0}
.charts{display:grid;grid-template-columns:1fr 1fr;gap:1.2em}
.chart{border:1px solid #ddd;border-radius:4px;padding:.5em;margin:0;height:380px;position:relative}
.chart.wide{grid-column:1 / 3}
.chart.no-data{height:auto} .chart.no-data div{color:#555;font-size:.9em}
.empty{color:#555;font-style:italic;margin-top:2em;text-align:center}
table{border-collapse:collapse} td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left}
td.n{text-align:right} code{font-size:.9em}
)";

constexpr const char* kCharts =
    "<div class=charts>\n"
    "<figure class=\"chart wide\" id=chart-where><canvas></canvas></figure>\n"
    "<figure class=\"chart wide\" id=chart-outcomes><canvas></canvas></figure>\n"
    "<figure class=chart id=chart-throughput><canvas></canvas></figure>\n"
    "<figure class=chart id=chart-discovery><canvas></canvas></figure>\n"
    "<figure class=\"chart wide\" id=chart-campaigns><canvas></canvas></figure>\n"
    "</div>\n";

std::string plural(std::int64_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string summary_line(const ReportData& d) {
  const auto n = [&](const char* key) { return d.summary[key].get<std::int64_t>(); };
  if (n("campaigns") == 0) return "No campaigns yet: run <code>stablecut campaign</code>, then <code>stablecut report</code> again.";
  return fmt::format("{}, {}, {} checked ({} illegal), {}.", plural(n("campaigns"), "campaign", "campaigns"),
                     plural(n("workloads"), "workload", "workloads"),
                     plural(n("states"), "crash state", "crash states"), n("illegal_states"),
                     plural(n("failures"), "distinct failure", "distinct failures"));
}

std::string campaign_rows(const nlohmann::json& campaigns) {
  std::string rows;
  for (auto c = campaigns.rbegin(); c != campaigns.rend(); ++c)
    rows += fmt::format(
        "<tr><td class=n>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=n>{}</td><td class=n>{}</td>"
        "<td class=n>{}</td><td class=n>{}</td><td class=n>{}</td></tr>\n",
        (*c)["id"].get<std::int64_t>(), escape_html((*c)["label"].get<std::string>()),
        utc((*c)["started_at"].get<std::int64_t>()), escape_html((*c)["status"].get<std::string>()),
        (*c)["duration_s"].get<std::int64_t>(), (*c)["states"].get<std::int64_t>(),
        (*c)["illegal_states"].get<std::int64_t>(), (*c)["failures"].get<std::int64_t>(),
        (*c)["new_failures"].get<std::int64_t>());
  return rows.empty() ? "<tr><td colspan=9>no campaigns yet</td></tr>\n" : rows;
}

std::string failure_rows(const nlohmann::json& failures) {
  std::string rows;
  for (const auto& f : failures)
    rows += fmt::format(
        "<tr><td class=n>{}</td><td>{}</td><td class=n>{}</td><td>{}</td><td><code>{}</code></td></tr>\n",
        f["id"].get<std::int64_t>(), escape_html(f["signature"].get<std::string>()), f["count"].get<std::uint64_t>(),
        utc(f["first_seen"].get<std::int64_t>()), escape_html(f["replay"].get<std::string>()));
  return rows.empty() ? "<tr><td colspan=5>no failures</td></tr>\n" : rows;
}

std::string mutation_rows(const nlohmann::json& mutants) {
  std::string rows;
  for (const auto& m : mutants["scores"]) {
    const auto killed = m["killed"].get<std::int64_t>();
    const auto scored = killed + m["survived"].get<std::int64_t>();
    rows += fmt::format("<tr><td>{}</td><td class=n>{}</td><td>{}</td><td class=n>{}</td><td class=n>{}</td>"
                        "<td class=n>{}</td><td class=n>{}</td></tr>\n",
                        escape_html(m["target"].get<std::string>()), m["run"].get<std::int64_t>(),
                        escape_html(m["operator"].get<std::string>()), killed, m["survived"].get<std::int64_t>(),
                        m["equivalent"].get<std::int64_t>(),
                        scored == 0 ? std::string("n/a") : fmt::format("{:.1f}%", 100.0 * static_cast<double>(killed) / static_cast<double>(scored)));
  }
  for (const auto& s : mutants["survivors"])
    rows += fmt::format("<tr><td colspan=7>survived: {} {} at {} in {} — {}</td></tr>\n",
                        escape_html(s["target"].get<std::string>()), escape_html(s["operator"].get<std::string>()),
                        escape_html(s["site"].get<std::string>()), escape_html(s["workload"].get<std::string>()),
                        escape_html(s["hint"].get<std::string>()));
  return rows.empty() ? "<tr><td colspan=7>no mutation runs: run <code>stablecut mutate --db</code></td></tr>\n" : rows;
}

}  // namespace

std::string report_html(const ReportData& d) {
  const nlohmann::json data = {{"summary", d.summary},       {"phases", d.phases},
                               {"by_phase", d.by_phase},     {"campaigns", d.campaigns},
                               {"throughput", d.throughput}, {"discovery", d.discovery},
                               {"campaigns_shown", kReportCampaignBars}, {"bench", d.bench}};
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8><title>stablecut report</title>\n"
      "<style>{}</style></head>\n<body>\n<h1>stablecut report</h1>\n"
      "<p>Database <code>{}</code>, generated {} UTC: {}</p>\n{}"
      "<h2>Campaigns, newest first</h2>\n<table><tr><th>id</th><th>name</th><th>started (UTC)</th><th>status</th>"
      "<th>seconds</th><th>crash states</th><th>illegal</th><th>failure signatures</th><th>new</th></tr>\n{}</table>\n"
      "<h2>Failures, most frequent first</h2>\n<table><tr><th>id</th><th>signature</th><th>crash states</th>"
      "<th>first seen (UTC)</th><th>replay</th></tr>\n{}</table>\n{}"
      "<h2>Mutation score</h2>\n<table id=mutation-score><tr><th>target</th><th>run</th><th>operator</th>"
      "<th>killed</th><th>survived</th><th>equivalent</th><th>score</th></tr>\n{}</table>\n{}"
      "<pre id=chart-summary hidden></pre>\n"
      "<script type=\"application/json\" id=report-data>{}</script>\n<script>{}</script>\n<script>{}</script>\n"
      "</body></html>\n",
      kStyle, escape_html(d.db_path), utc(d.generated_at), summary_line(d), kCharts, campaign_rows(d.campaigns),
      failure_rows(d.failures), coverage_html(d.coverage), mutation_rows(d.mutants), bench_history_html(d.bench),
      script_safe(data), chart_js_source(), kReportPageScript);
}

std::string write_report(const results::ResultsDb& db, const std::string& out_dir, const std::string& bench_history) {
  ReportData data = collect_report(db);
  if (!bench_history.empty()) data.bench = read_bench_history(bench_history);
  const std::string page = report_html(data);
  const std::filesystem::path path = std::filesystem::path(out_dir) / "index.html";
  const std::filesystem::path part = std::filesystem::path(out_dir) / "index.html.part";
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);  // a failure shows as the write's below
  bool written = false;
  {
    std::ofstream out(part, std::ios::trunc | std::ios::binary);
    out << page;
    written = static_cast<bool>(out.flush());
  }
  if (written) std::filesystem::rename(part, path, ec);
  if (!written || ec) {
    std::filesystem::remove(part, ec);
    throw InputError("--out " + out_dir + ": expected a directory where index.html can be written");
  }
  return path.string();
}

}  // namespace sc::campaign

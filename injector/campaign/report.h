// report.h — the static HTML report of a results database: one
// self-contained index.html (no server, no CDN; Chart.js from the Debian
// package libjs-chart.js is inlined) whose charts each answer one question:
//   chart-where      where do failures happen? illegal crash states by
//                    protocol phase and crash-state kind, log scale;
//   chart-outcomes   which outcomes in which phase? every crash state by
//                    phase and outcome, log scale so rare outcomes show;
//   chart-throughput is throughput stable over the night? states per
//                    worker-second, bucketed, by time into each campaign;
//   chart-discovery  are new failures still appearing? distinct failure
//                    signatures, cumulative, by time into each campaign;
//   chart-campaigns  how does tonight compare? per campaign: failure
//                    signatures (new / seen before) and crash states.
// Plus tables of campaigns and failures (with replay commands), the
// mutation score of each target's newest `stablecut mutate` run, and, given
// a bench history (bench_history.h), one chart per bench series
//   chart-bench-N    did a change make stablecut slower? every rate figure
//                    of `stablecut bench` per run, log scale
// with a table of the figures that regressed. A chart with
// nothing to show says so in words. Once the script has run, the element
// #chart-summary holds JSON [{id, title, empty?, axes, datasets}] describing
// every chart as drawn (tests read it), and <body> gets data-rendered="true".
// Interface: collect_report(db) reads (read-only); report_html(data) renders
// (throws InputError if Chart.js cannot be read); write_report(db, dir) does
// both, then writes dir/index.html whole or not at all, and returns its path.
#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "injector/results/results_db.h"

namespace sc::campaign {

// Campaigns drawn as lines over time (the newest), and as bars (the newest).
inline constexpr int kReportCampaignLines = 8;
inline constexpr int kReportCampaignBars = 30;

struct ReportData {
  std::string db_path;
  std::int64_t generated_at = 0;
  nlohmann::json summary;     // {campaigns, workloads, states, illegal_states, failures}
  nlohmann::json phases;      // phase names with any checked state, protocol order
  nlohmann::json by_phase;    // [{phase, kind, outcome, legal, states}]
  nlohmann::json campaigns;   // [{id, label, started_at, status, duration_s, states, illegal_states,
                              //   failures, new_failures}] oldest first
  nlohmann::json throughput;  // [{campaign, bucket_s, points: [{t, rate}]}] t: s into the campaign
  nlohmann::json discovery;   // [{campaign, points: [{t, signatures}]}] cumulative, t as above
  nlohmann::json failures;    // [{id, signature, count, first_seen, replay}] most frequent first
  nlohmann::json mutants;     // {scores: [{run, target, operator, killed, survived, equivalent}],
                              //  survivors: [{target, operator, site, workload, hint}]} (newest run per target)
  nlohmann::json coverage;    // coverage_json(): the newest campaign with coverage, or null
  nlohmann::json bench;       // read_bench_history() (bench_history.h), or null: none given
};

ReportData collect_report(const results::ResultsDb& db);
// The campaign series over time (report_series.cpp), for the newest
// kReportCampaignLines campaigns.
nlohmann::json throughput_series(const results::ResultsDb& db);
nlohmann::json discovery_series(const results::ResultsDb& db);
// The mutation score section's data (report_mutants.cpp).
nlohmann::json mutation_scores(const results::ResultsDb& db);

// The Chart.js source to inline: $STABLECUT_CHART_JS if set, else the file of
// the Debian package libjs-chart.js. Throws InputError (one line naming the
// package) if it cannot be read or cannot be inlined.
std::string chart_js_source();
// The page's own chart script (report_page.js, embedded at build time).
extern const char* const kReportPageScript;

// Coverage of the newest campaign that stored any (report_coverage.cpp):
// {campaign, parts: [{part, lines, lines_hit, edges, edges_hit, unreached}]}
// (coverage_summary.h), or null; coverage_html renders it as a table with
// the unreached lines of each part.
nlohmann::json coverage_json(const results::ResultsDb& db);
std::string coverage_html(const nlohmann::json& coverage);

// The bench history section: one chart per series (chart-bench-0, …) and a
// table of regressions, or how to start a history when there is none.
std::string bench_history_html(const nlohmann::json& bench);

std::string report_html(const ReportData& data);
// bench_history: a file of `stablecut bench --format json` lines ("": none).
std::string write_report(const results::ResultsDb& db, const std::string& out_dir,
                         const std::string& bench_history = "");

}  // namespace sc::campaign

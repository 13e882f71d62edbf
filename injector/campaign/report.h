// report.h — the static HTML report of a results database: one
// self-contained index.html (no server, no CDN) whose inline JavaScript draws
// four SVG plots from data embedded as JSON:
//   outcomes by phase     — crash states per protocol phase, stacked by outcome;
//   states/s over time    — checking throughput of each workload, by commit time;
//   failures by campaign  — distinct failure signatures hit (and first seen) per campaign;
//   coverage growth       — distinct (phase, kind, outcome) cells and distinct
//                           failure signatures seen, cumulative over workloads.
// Each plot's element gets data-rendered="true" once drawn (tests check it).
// Interface: collect_report(db) reads (read-only); report_html(data) renders;
// write_report(db, dir) does both and returns the page's path.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "injector/results/results_db.h"

namespace sc::campaign {

struct ReportData {
  std::string db_path;
  std::int64_t generated_at = 0;
  nlohmann::json summary;           // {campaigns, workloads, states, failures}
  nlohmann::json outcomes_by_phase;  // [{phase, outcome, states}]
  nlohmann::json throughput;         // [{t, states, check_s}] per workload
  nlohmann::json campaigns;          // [{id, name, started_at, status, states, failures, new_failures}]
  nlohmann::json coverage;           // [{t, cells, signatures}] cumulative per workload
  nlohmann::json failures;           // [{id, signature, count, replay}]
};

ReportData collect_report(const results::ResultsDb& db);
std::string report_html(const ReportData& data);
std::string write_report(const results::ResultsDb& db, const std::string& out_dir);

}  // namespace sc::campaign

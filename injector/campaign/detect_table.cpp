// detect_table.cpp — see detect_table.h.
#include "injector/campaign/detect_table.h"

#include <fmt/format.h>

#include <algorithm>

namespace sc::campaign {

namespace {

const char* tier_name(tier::Kind k) { return k == tier::Kind::qemu ? "qemu" : "inproc"; }

const char* other_tier_name(tier::Kind k) { return k == tier::Kind::qemu ? "inproc" : "qemu"; }

// One row of the table: bug (padded to the widest), detected, time, states,
// phase, kind (fits "sub-sector-tear"), outcome, replay.
constexpr auto kRow = "{:<{}}  {:<8}  {:>9}  {:>10}  {:<10}  {:<15}  {:<15}  {}\n";

std::string replay_cell(const results::DetectResult& r) {
  if (!r.detected) return "-";
  if (!r.replay) return "not replayed";
  return fmt::format("{} ({})", r.replay->agrees ? "same" : "DIFFERENT", results::name(r.replay->outcome));
}

std::string bug_line(const DetectRow& row, size_t width) {
  const results::DetectResult& r = row.result;
  if (!r.detected)
    return fmt::format(kRow, row.target, width, "NO",
                       fmt::format(">{:.1f} s", r.seconds), r.states, "-", "-", "-", "-");
  return fmt::format(kRow, row.target, width, "yes",
                     fmt::format("{:.2f} s", r.seconds), r.states, results::name(*r.phase), results::name(*r.kind),
                     results::name(*r.outcome), replay_cell(r));
}

std::string correct_line(const DetectRow& row) {
  const results::DetectResult& r = row.result;
  std::string s = fmt::format("correct system (no bug), corpus {}: {} crash states checked in {:.1f} s, {} false "
                              "positive{}",
                              row.corpus, r.states, r.seconds, r.illegal, r.illegal == 1 ? "" : "s");
  if (r.detected)
    s += fmt::format(" (first: {}, {}, {}; replay with stablecut replay --case {} --db ...)", results::name(*r.phase),
                     results::name(*r.kind), results::name(*r.outcome), *r.first_case_id);
  return s + "\n";
}

nlohmann::json row_json(const DetectRow& row) {
  const results::DetectResult& r = row.result;
  nlohmann::json j = {{"bug", row.target},       {"corpus", row.corpus}, {"campaign_id", r.campaign_id},
                      {"detected", r.detected},  {"seconds", r.seconds}, {"states", r.states},
                      {"illegal", r.illegal},    {"passed", passed(row)}};
  if (r.detected) {
    j["first_case_id"] = *r.first_case_id;
    j["phase"] = results::name(*r.phase);
    j["kind"] = results::name(*r.kind);
    j["outcome"] = results::name(*r.outcome);
  }
  if (r.replay)
    j["replay"] = {{"tier", results::name(r.replay->tier)},
                   {"outcome", results::name(r.replay->outcome)},
                   {"legal", r.replay->legal},
                   {"agrees", r.replay->agrees}};
  return j;
}

}  // namespace

std::string detect_table(const DetectReport& report) {
  size_t width = 3;
  for (const auto& row : report.rows) width = std::max(width, row.target.size());
  std::string out = fmt::format("bench detect on {}, budget {:g} s per bug (detect run {} in {})\n",
                                tier_name(report.tier), report.budget_s, report.run_id, report.db_path);
  out += fmt::format(kRow, "bug", width, "detected", "time",
                     "states", "phase", "kind", "outcome", fmt::format("replay on {}", other_tier_name(report.tier)));
  for (const auto& row : report.rows)
    if (row.target != kCorrectSystem) out += bug_line(row, width);
  for (const auto& row : report.rows)
    if (row.target == kCorrectSystem) out += correct_line(row);
  if (report.interrupted) out += "interrupted: the targets after the last row were not run\n";
  return out;
}

nlohmann::json detect_json(const DetectReport& report) {
  nlohmann::json rows = nlohmann::json::array();
  bool all_passed = true;
  for (const auto& row : report.rows) {
    rows.push_back(row_json(row));
    all_passed = all_passed && passed(row);
  }
  return {{"run_id", report.run_id}, {"tier", tier_name(report.tier)}, {"budget_s", report.budget_s},
          {"db", report.db_path},    {"interrupted", report.interrupted}, {"passed", all_passed},
          {"rows", rows}};
}

}  // namespace sc::campaign

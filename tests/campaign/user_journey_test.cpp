// user_journey_test.cpp — a night's work as a user runs it, end to end, with
// the real binary: a 60-second campaign over the shipped corpus with a seeded
// bug; the `failures` command the campaign's summary prints; the replay
// command `failures` prints for each failure, run as printed; then `report`,
// rendered in headless Chromium, whose "where do failures happen" chart shows
// every failure's phase. Each step takes only what the one before printed.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "chromium.h"
#include "printed_commands.h"
#include "process.h"

namespace sc::campaign::testing {

namespace {

// The one command of `subcommand` that out prints.
std::vector<std::string> only_command(const std::string& out, const std::string& subcommand) {
  const auto commands = printed_commands(out, subcommand);
  EXPECT_EQ(commands.size(), 1u) << out;
  return commands.empty() ? std::vector<std::string>{} : commands.front();
}

// The phases of the failures `failures --format json` lists.
std::set<std::string> failure_phases(const TempDir& dir, const std::vector<std::string>& failures_args) {
  std::vector<std::string> args = failures_args;
  args.insert(args.end(), {"--format", "json"});
  const RunResult r = run_stablecut(dir, args);
  EXPECT_EQ(r.rc, 0) << r.err;
  std::set<std::string> phases;
  for (const auto& f : nlohmann::json::parse(r.out, nullptr, false)) phases.insert(f.value("phase", ""));
  return phases;
}

// The number each dataset of chart `id` shows for the category `label`, summed.
double shown_for(const nlohmann::json& summary, const std::string& id, const std::string& label) {
  for (const auto& c : summary) {
    if (c["id"] != id) continue;
    const auto& labels = c["labels"];
    const auto at = std::find(labels.begin(), labels.end(), label);
    if (at == labels.end()) return 0;
    double sum = 0;
    for (const auto& d : c["datasets"]) {
      const auto& v = d["data"][static_cast<size_t>(at - labels.begin())];
      sum += v.is_object() ? v["y"].get<double>() : v.is_number() ? v.get<double>() : 0.0;
    }
    return sum;
  }
  return 0;
}

TEST(UserJourney, CampaignThenFailuresThenReplayThenReportShowsTheFailureByPhase) {
  TempDir dir;
  const std::string db = dir.file("nightly.db");
  const RunResult night =
      run_stablecut(dir, {"campaign", "--duration", "60s", "--bug", "shadow-skip-flush", "--db", db});
  ASSERT_EQ(night.rc, 1) << night.out << night.err;

  const std::vector<std::string> failures = only_command(night.out, "failures");
  ASSERT_FALSE(failures.empty());
  const RunResult listed = run_stablecut(dir, failures);
  ASSERT_EQ(listed.rc, 0) << listed.err;
  const auto replays = printed_commands(listed.out, "replay");
  ASSERT_FALSE(replays.empty()) << listed.out;
  for (const auto& replay : replays) {
    const RunResult r = run_stablecut(dir, replay);
    EXPECT_EQ(r.rc, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("(ILLEGAL)"), std::string::npos) << r.out;
  }

  const RunResult report = run_stablecut(dir, {"report", "--db", db, "--out", dir.file("report")});
  ASSERT_EQ(report.rc, 0) << report.err;
  if (!chromium_available()) GTEST_SKIP() << "chromium is not installed: the page was written but not rendered";
  const std::string page = dir.file("report/index.html");
  const nlohmann::json summary = chart_summary(dump_dom(dir, page));
  ASSERT_TRUE(summary.is_array()) << "no #chart-summary: the page's scripts did not run to the end";
  const std::set<std::string> phases = failure_phases(dir, failures);
  ASSERT_FALSE(phases.empty());
  for (const std::string& phase : phases) EXPECT_GT(shown_for(summary, "chart-where", phase), 0) << phase;
  const std::string png = dir.file("report.png");
  ASSERT_TRUE(screenshot(dir, page, png, 1300, 2400));
  EXPECT_GT(std::filesystem::file_size(png), 20000u);
}

}  // namespace

}  // namespace sc::campaign::testing

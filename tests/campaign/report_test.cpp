// report_test.cpp — `report` writes a static page whose charts, drawn by the
// inlined Chart.js in headless Chromium, each answer their question: every
// chart has a title and non-degenerate axes (integer ticks on count axes,
// nothing infinite), the by-phase chart holds exactly the database's illegal
// states per phase and crash-state kind, the discovery and per-campaign
// charts hold its failure counts, and a chart with nothing to show says so in
// words (an empty database: "No campaigns yet"). The page reports each chart
// as drawn in #chart-summary (report.h). Without Chart.js, `report` refuses
// with one line naming the Debian package and writes no page. The Chromium
// tests skip only if chromium is not installed.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include "chromium.h"
#include "injector/results/results_db.h"
#include "process.h"

namespace sc::campaign::testing {

namespace {

const char* const kCharts[] = {"chart-where", "chart-outcomes", "chart-throughput", "chart-discovery",
                               "chart-campaigns"};

nlohmann::json chart(const nlohmann::json& summary, const std::string& id) {
  for (const auto& c : summary)
    if (c["id"] == id) return c;
  return nullptr;
}

// Renders db's report in Chromium and returns its chart summary (null on failure).
nlohmann::json render(const TempDir& dir, const std::string& db, const std::string& out) {
  const RunResult r = run_stablecut(dir, {"report", "--db", db, "--out", dir.file(out)});
  EXPECT_EQ(r.rc, 0) << r.err;
  return chart_summary(dump_dom(dir, dir.file(out + "/index.html")));
}

double number(const nlohmann::json& v) { return v.is_object() ? v["y"].get<double>() : v.is_null() ? 0 : v.get<double>(); }

double total(const nlohmann::json& dataset) {
  double sum = 0;
  for (const auto& v : dataset["data"]) sum += number(v);
  return sum;
}

double column(const nlohmann::json& c, const std::string& dataset, size_t index) {
  for (const auto& d : c["datasets"])
    if (d["label"] == dataset) return number(d["data"][index]);
  return 0;
}

void expect_sane_axes(const nlohmann::json& c) {
  const std::string id = c["id"];
  ASSERT_TRUE(c["axes"].is_object()) << id;
  EXPECT_GE(c["axes"].size(), 2u) << id;
  for (const auto& [key, a] : c["axes"].items()) {
    ASSERT_TRUE(a["min"].is_number() && a["max"].is_number()) << id << " " << key << ": " << a.dump();
    EXPECT_FALSE(a["title"].get<std::string>().empty()) << id << " " << key;
    if (a["type"] == "category") {  // one tick per label; one campaign or phase is one label
      EXPECT_FALSE(a["labels"].empty()) << id << " " << key;
    } else {
      EXPECT_LT(a["min"].get<double>(), a["max"].get<double>()) << id << " " << key;
      EXPECT_GE(a["ticks"].size(), 2u) << id << " " << key;
    }
    for (const auto& t : a["ticks"]) {
      ASSERT_TRUE(t.is_number()) << id << " " << key;
      if (a["integer"].get<bool>()) EXPECT_EQ(std::floor(t.get<double>()), t.get<double>()) << id << " " << key;
    }
    for (const auto& l : a["labels"])
      for (const char* junk : {"Infinity", "NaN", "undefined"})
        EXPECT_EQ(l.get<std::string>().find(junk), std::string::npos) << id << " " << key << ": " << l;
  }
}

class CampaignReport : public ::testing::Test {
 protected:
  // One database for the suite: a campaign with a seeded bug over every
  // crash-state kind, then a clean one.
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    db_ = dir_->file("r.db");
    const RunResult bug = run_stablecut(*dir_, {"campaign", "--db", db_, "--corpus", STABLECUT_TEST_CORPUS, "--modes",
                                                "prefix,reorder,torn", "--states-per-workload", "300", "--workloads",
                                                "3", "--bug", "shadow-skip-flush"});
    ASSERT_EQ(bug.rc, 1) << bug.err;
    ASSERT_EQ(run_stablecut(*dir_, campaign_args(db_, {"--workloads", "3"})).rc, 0);
  }
  static void TearDownTestSuite() { dir_.reset(); }
  void SetUp() override {
    if (!chromium_available()) GTEST_SKIP() << "chromium is not installed";
  }

  static std::unique_ptr<TempDir> dir_;
  static std::string db_;
};

std::unique_ptr<TempDir> CampaignReport::dir_;
std::string CampaignReport::db_;

TEST_F(CampaignReport, EveryChartHasATitleAndSaneAxes) {
  const nlohmann::json summary = render(*dir_, db_, "report");
  ASSERT_TRUE(summary.is_array()) << "no #chart-summary: the page's scripts did not run to the end";
  for (const char* id : kCharts) {
    const nlohmann::json c = chart(summary, id);
    ASSERT_TRUE(c.is_object()) << id;
    EXPECT_FALSE(c.contains("empty")) << id << ": " << c.dump();
    EXPECT_GT(c["title"].get<std::string>().size(), 20u) << id;
    EXPECT_NE(c["title"].get<std::string>().find('?'), std::string::npos) << id << " asks no question";
    EXPECT_FALSE(c["datasets"].empty()) << id;
    expect_sane_axes(c);
  }
  EXPECT_EQ(chart(summary, "chart-outcomes")["axes"]["y"]["type"], "logarithmic");
}

TEST_F(CampaignReport, ByPhaseChartHoldsEveryIllegalStateByPhaseAndKind) {
  const nlohmann::json c = chart(render(*dir_, db_, "report"), "chart-where");
  ASSERT_TRUE(c.is_object() && c.contains("labels"));
  const auto rows = sql_rows(db_,
                             "SELECT oc.phase, oc.kind, sum(oc.states) FROM outcome_count oc JOIN outcome o "
                             "ON o.name = oc.outcome WHERE o.legal = 0 GROUP BY 1, 2");
  ASSERT_GE(sql_int(db_, "SELECT count(DISTINCT kind) FROM outcome_count WHERE outcome NOT LIKE 'ok_%'"), 2)
      << "the seeded bug shows in fewer than two crash-state kinds: the test checks too little";
  double shown = 0;
  for (const auto& d : c["datasets"]) shown += total(d);
  EXPECT_EQ(shown, sql_int(db_, "SELECT sum(oc.states) FROM outcome_count oc JOIN outcome o ON o.name = oc.outcome "
                                "WHERE o.legal = 0"));
  const auto& labels = c["labels"];
  for (const std::string& row : rows) {
    const auto bar1 = row.find('|'), bar2 = row.find('|', bar1 + 1);
    const std::string phase = row.substr(0, bar1), kind = row.substr(bar1 + 1, bar2 - bar1 - 1);
    const auto at = std::find(labels.begin(), labels.end(), phase);
    ASSERT_NE(at, labels.end()) << phase;
    EXPECT_EQ(column(c, kind, static_cast<size_t>(at - labels.begin())), std::stod(row.substr(bar2 + 1))) << row;
  }
}

TEST_F(CampaignReport, FailureChartsHoldEachCampaignsSignatures) {
  const nlohmann::json summary = render(*dir_, db_, "report");
  const nlohmann::json bars = chart(summary, "chart-campaigns");
  ASSERT_TRUE(bars.is_object() && bars.contains("datasets"));
  const auto per_campaign = sql_rows(db_,
                                     "SELECT c.id, (SELECT count(DISTINCT h.failure_id) FROM failure_hit h JOIN "
                                     "workload w ON w.id = h.workload_id WHERE w.campaign_id = c.id) "
                                     "FROM campaign c ORDER BY c.started_at, c.id");
  ASSERT_EQ(per_campaign.size(), 2u);
  const nlohmann::json discovery = chart(summary, "chart-discovery");
  ASSERT_EQ(discovery["datasets"].size(), 2u);
  for (size_t i = 0; i < per_campaign.size(); ++i) {
    const double hit = std::stod(per_campaign[i].substr(per_campaign[i].find('|') + 1));
    EXPECT_EQ(column(bars, "new failure signatures", i) + column(bars, "seen before", i), hit) << i;
    EXPECT_EQ(number(discovery["datasets"][i]["data"].back()), hit) << i;
  }
  EXPECT_GT(column(bars, "new failure signatures", 0), 0);
}

TEST_F(CampaignReport, PageInlinesEverythingAndListsFailuresWithReplay) {
  ASSERT_EQ(run_stablecut(*dir_, {"report", "--db", db_, "--out", dir_->file("inline")}).rc, 0);
  const std::string page = slurp(dir_->file("inline/index.html"));
  EXPECT_EQ(page.find(" src="), std::string::npos);  // no script, image or frame loaded from elsewhere
  EXPECT_EQ(page.find("<link"), std::string::npos);
  EXPECT_NE(page.find("Chart.js v"), std::string::npos);
  for (const auto& sig : sql_rows(db_, "SELECT signature FROM failure"))
    EXPECT_NE(page.find(sig.substr(0, sig.find_first_of("<>&\""))), std::string::npos) << sig;
  EXPECT_NE(page.find("stablecut replay"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir_->file("inline/index.html.part")));
  const std::string png = dir_->file("report.png");
  ASSERT_TRUE(screenshot(*dir_, dir_->file("inline/index.html"), png, 1300, 2400));
  EXPECT_GT(std::filesystem::file_size(png), 20000u);  // charts drawn, not a blank page
}

// The charts plot every crash-state kind and outcome the database holds: a
// campaign whose illegal states are all of a fault kind (call-error) and
// whose legal ones are mostly `detected` (read-error).
TEST(CampaignReportFaults, EveryKindAndOutcomeIsPlotted) {
  if (!chromium_available()) GTEST_SKIP() << "chromium is not installed";
  TempDir dir;
  const std::string db = dir.file("f.db");
  const RunResult r = run_stablecut(dir, {"campaign", "--db", db, "--corpus", STABLECUT_TEST_CORPUS, "--modes",
                                          "prefix,read-error,call-error", "--workloads", "3", "--bug",
                                          "shadow-unchecked-read-page"});
  ASSERT_EQ(r.rc, 1) << r.err;
  ASSERT_GT(sql_int(db, "SELECT count(*) FROM outcome_count WHERE kind = 'call-error' AND outcome = 'corrupt'"), 0);
  ASSERT_GT(sql_int(db, "SELECT count(*) FROM outcome_count WHERE outcome = 'detected'"), 0);
  const nlohmann::json summary = render(dir, db, "report");
  const nlohmann::json where = chart(summary, "chart-where"), outcomes = chart(summary, "chart-outcomes");
  double illegal = 0, all = 0;
  for (const auto& d : where["datasets"]) illegal += total(d);
  for (const auto& d : outcomes["datasets"]) all += total(d);
  EXPECT_EQ(illegal, sql_int(db, "SELECT sum(oc.states) FROM outcome_count oc JOIN outcome o ON o.name = oc.outcome "
                                 "WHERE o.legal = 0"));
  EXPECT_EQ(all, sql_int(db, "SELECT sum(states) FROM outcome_count"));
}

TEST(CampaignReportEmpty, EveryChartSaysThereAreNoCampaignsYet) {
  if (!chromium_available()) GTEST_SKIP() << "chromium is not installed";
  TempDir dir;
  const std::string db = dir.file("empty.db");
  { const auto created = results::ResultsDb::open(db, results::OpenMode::create); }
  const RunResult r = run_stablecut(dir, {"report", "--db", db, "--out", dir.file("report")});
  ASSERT_EQ(r.rc, 0) << r.err;
  const std::string dom = dump_dom(dir, dir.file("report/index.html"));
  const nlohmann::json summary = chart_summary(dom);
  ASSERT_TRUE(summary.is_array()) << "no #chart-summary";
  for (const char* id : kCharts) {
    const nlohmann::json c = chart(summary, id);
    ASSERT_TRUE(c.is_object()) << id;
    EXPECT_FALSE(c["title"].get<std::string>().empty()) << id;
    EXPECT_NE(c.value("empty", "").find("No campaigns yet"), std::string::npos) << id << ": " << c.dump();
  }
  const std::string visible = without_scripts(dom);
  for (const char* junk : {"Infinity", "NaN", "undefined"}) EXPECT_EQ(visible.find(junk), std::string::npos) << junk;
}

TEST(CampaignReportEmpty, CleanCampaignSaysNoIllegalStatesAndStillPlotsTheRest) {
  if (!chromium_available()) GTEST_SKIP() << "chromium is not installed";
  TempDir dir;
  const std::string db = dir.file("clean.db");
  ASSERT_EQ(run_stablecut(dir, campaign_args(db, {"--workloads", "2"})).rc, 0);
  const nlohmann::json summary = render(dir, db, "report");
  ASSERT_TRUE(summary.is_array());
  EXPECT_NE(chart(summary, "chart-where").value("empty", "").find("No illegal crash states"), std::string::npos);
  for (const char* id : {"chart-outcomes", "chart-throughput", "chart-discovery", "chart-campaigns"}) {
    const nlohmann::json c = chart(summary, id);
    ASSERT_TRUE(c.is_object() && !c.contains("empty")) << id << ": " << c.dump();
    expect_sane_axes(c);
  }
}

TEST(CampaignReportEmpty, CampaignsWithoutWorkloadsSayThereIsNothingToPlot) {
  if (!chromium_available()) GTEST_SKIP() << "chromium is not installed";
  TempDir dir;
  const std::string db = dir.file("none.db");
  ASSERT_EQ(run_stablecut(dir, campaign_args(db, {"--workloads", "1"})).rc, 0);
  sql_exec(db, "DELETE FROM crash_state; DELETE FROM failure_hit; DELETE FROM outcome_count; DELETE FROM workload");
  const nlohmann::json summary = render(dir, db, "report");
  ASSERT_TRUE(summary.is_array());
  for (const char* id : {"chart-where", "chart-outcomes", "chart-throughput", "chart-discovery"})
    EXPECT_NE(chart(summary, id).value("empty", "").find("No workload"), std::string::npos) << id;
  const nlohmann::json bars = chart(summary, "chart-campaigns");
  ASSERT_TRUE(bars.is_object() && !bars.contains("empty")) << bars.dump();
  expect_sane_axes(bars);
}

// Two real bench runs and a third whose checked_per_s lost half: one chart
// of the series with every figure per run, and the regression listed.
TEST(CampaignReportBench, BenchHistoryIsDrawnPerRunAndARegressionIsListed) {
  if (!chromium_available()) GTEST_SKIP() << "chromium is not installed";
  TempDir dir;
  const std::string db = dir.file("empty.db");
  { const auto created = results::ResultsDb::open(db, results::OpenMode::create); }
  std::string lines;
  nlohmann::json last;
  double best = 0;
  for (int run = 0; run < 2; ++run) {
    const RunResult r = run_stablecut(dir, {"bench", "--seconds", "0.1", "--jobs", "1", "--format", "json"});
    ASSERT_EQ(r.rc, 0) << r.err;
    lines += r.out;
    last = nlohmann::json::parse(r.out);
    best = std::max(best, last["checked_per_s"].get<double>());
  }
  ASSERT_GT(last.value("at", 0), 0) << last.dump();
  last["checked_per_s"] = last["checked_per_s"].get<double>() / 2;
  last["at"] = last["at"].get<int64_t>() + 60;
  const std::string history = dir.file("bench.jsonl");
  { std::ofstream(history) << lines << last.dump() << "\n"; }
  const RunResult r = run_stablecut(dir, {"report", "--db", db, "--out", dir.file("report"), "--bench-history", history});
  ASSERT_EQ(r.rc, 0) << r.err;
  const std::string dom = dump_dom(dir, dir.file("report/index.html"));
  const nlohmann::json c = chart(chart_summary(dom), "chart-bench-0");
  ASSERT_TRUE(c.is_object() && !c.contains("empty")) << c.dump();
  EXPECT_NE(c["title"].get<std::string>().find('?'), std::string::npos);
  expect_sane_axes(c);
  EXPECT_EQ(c["labels"].size(), 3u);
  bool drawn = false;
  for (const auto& d : c["datasets"])
    if (d["label"] == "checked_per_s") drawn = number(d["data"][2]) == last["checked_per_s"].get<double>();
  EXPECT_TRUE(drawn) << c.dump();
  const std::string visible = without_scripts(dom);
  const auto table = visible.find("id=\"bench-regressions\"");
  ASSERT_NE(table, std::string::npos) << "no regression table";
  EXPECT_NE(visible.find("checked_per_s", table), std::string::npos);
  const double lost = 100 * (1 - last["checked_per_s"].get<double>() / best);
  EXPECT_NE(visible.find(fmt::format("{:.1f}%", lost), table), std::string::npos) << lost;
}

TEST(CampaignReportInput, WithoutChartJsRefusesInOneLineAndWritesNoPage) {
  TempDir dir;
  const std::string db = dir.file("empty.db");
  { const auto created = results::ResultsDb::open(db, results::OpenMode::create); }
  setenv("STABLECUT_CHART_JS", dir.file("missing/chart.min.js").c_str(), 1);
  expect_one_line_exit_2(dir, {"report", "--db", db, "--out", dir.file("report")}, "libjs-chart.js");
  unsetenv("STABLECUT_CHART_JS");
  EXPECT_FALSE(std::filesystem::exists(dir.file("report/index.html")));
}

}  // namespace

}  // namespace sc::campaign::testing

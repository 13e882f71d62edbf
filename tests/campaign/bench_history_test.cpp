// bench_history_test.cpp — the bench history of the report
// (injector/campaign/bench_history.h): lines of `stablecut bench --format
// json` are grouped by bench, workload and workers; a figure whose newest
// value lost more than 10% against its best earlier value is a regression,
// one that lost less is not; a line that is not a bench line, or a missing
// file, is one line on stderr and exit 2 from `report`, with no page.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "injector/campaign/bench_history.h"
#include "injector/common/input_error.h"
#include "injector/results/results_db.h"
#include "process.h"

namespace sc::campaign::testing {
namespace {

std::string write_history(const TempDir& dir, const std::string& lines) {
  const std::string path = dir.file("bench.jsonl");
  std::ofstream(path) << lines;
  return path;
}

constexpr const char* kHistory =
    R"({"bench":"inproc","workload":"basic","workers":2,"at":1000,"checked_per_s":100.0,"recovered_per_s":50.0,"rounds":3,"checked_per_s_all_workers":190.0,"ms_per_sample":2.0})"
    "\n"
    R"({"bench":"qemu","workload":"basic","workers":2,"at":1500,"reboots_per_s":50.0})"
    "\n\n"
    R"({"bench":"inproc","workload":"basic","workers":2,"at":2000,"checked_per_s":120.0,"recovered_per_s":49.0})"
    "\n"
    R"({"bench":"inproc","workload":"basic","workers":2,"at":3000,"checked_per_s":100.0,"recovered_per_s":46.0})"
    "\n";

TEST(BenchHistory, GroupsLinesBySeriesAndFlagsOnlyAFigureThatLostMoreThanTenPercent) {
  TempDir dir;
  const nlohmann::json h = read_bench_history(write_history(dir, kHistory));
  ASSERT_EQ(h["series"].size(), 2u) << h.dump();
  EXPECT_EQ(h["series"][0]["name"], "inproc basic, 2 workers");
  EXPECT_EQ(h["series"][0]["points"].size(), 3u);
  EXPECT_EQ(h["series"][0]["points"][0]["figures"].size(), 3u) << "rounds and ms_per_sample are no rates";
  EXPECT_EQ(h["series"][1]["name"], "qemu basic, 2 workers");
  ASSERT_EQ(h["regressions"].size(), 1u) << h["regressions"].dump();  // recovered_per_s lost 8% of its best: none
  const nlohmann::json& r = h["regressions"][0];
  EXPECT_EQ(r["series"], "inproc basic, 2 workers");
  EXPECT_EQ(r["figure"], "checked_per_s");
  EXPECT_EQ(r["best"].get<double>(), 120.0);
  EXPECT_EQ(r["best_at"].get<int64_t>(), 2000);
  EXPECT_NEAR(r["drop"].get<double>(), 1.0 / 6.0, 1e-9);
}

TEST(BenchHistory, ABadLineOrAMissingFileIsOneLineAndExitTwo) {
  TempDir dir;
  const std::string db = dir.file("r.db");
  { const auto created = results::ResultsDb::open(db, results::OpenMode::create); }
  const std::string bad = write_history(dir, std::string(kHistory) + "{\"workload\":\"basic\"}\n");
  expect_one_line_exit_2(dir, {"report", "--db", db, "--out", dir.file("report"), "--bench-history", bad},
                         "bench.jsonl:6: no \"bench\"");
  EXPECT_FALSE(std::filesystem::exists(dir.file("report/index.html")));
  write_history(dir, "not json\n");
  expect_one_line_exit_2(dir, {"report", "--db", db, "--out", dir.file("report"), "--bench-history", bad},
                         "bench.jsonl:1: not valid JSON");
  write_history(dir, "{\"bench\":\"inproc\",\"workload\":\"basic\",\"at\":1.5e9,\"checked_per_s\":1}\n");
  expect_one_line_exit_2(dir, {"report", "--db", db, "--out", dir.file("report"), "--bench-history", bad},
                         "bench.jsonl:1: \"at\" is not a unix time");
  write_history(dir, "{\"bench\":\"inproc\",\"workload\":\"basic\",\"checked_per_s\":-5}\n");
  expect_one_line_exit_2(dir, {"report", "--db", db, "--out", dir.file("report"), "--bench-history", bad},
                         "bench.jsonl:1: \"checked_per_s\" is negative");
  expect_one_line_exit_2(dir,
                         {"report", "--db", db, "--out", dir.file("report"), "--bench-history", dir.file("none.jsonl")},
                         "none.jsonl: cannot be read");
  expect_one_line_exit_2(dir, {"report", "--db", db, "--out", dir.file("report"), "--bench-history", dir.path()},
                         "cannot be read");
  EXPECT_THROW(read_bench_history(dir.file("none.jsonl")), InputError);
}

}  // namespace
}  // namespace sc::campaign::testing

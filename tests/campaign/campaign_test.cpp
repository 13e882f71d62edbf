// campaign_test.cpp — a short campaign fills a database that passes
// integrity_check and `stats` prints its outcome table; against a planted
// bug each failure signature is recorded once, minimised, and `replay` of
// the stored case (and `minimize` of the case as found) reproduce it.
#include <gtest/gtest.h>

#include <filesystem>

#include "injector/campaign/minimize.h"
#include "injector/check/case_file.h"
#include "injector/results/results_db.h"
#include "process.h"

namespace sc::campaign::testing {

namespace {

TEST(Campaign, ShortCampaignFillsDatabaseAndStatsPrintsOutcomeTable) {
  TempDir dir;
  const std::string db = dir.file("r.db");
  const RunResult r = run_stablecut(dir, campaign_args(db, {"--workloads", "6", "--jobs", "2"}));
  ASSERT_EQ(r.rc, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("finished: 6 workloads"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("states/s"), std::string::npos) << r.err;  // the progress line
  EXPECT_TRUE(results::integrity_ok(db));
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM workload"), 6);
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM workload WHERE origin = 'mutation'"), 5);
  const RunResult stats = run_stablecut(dir, {"stats", "--db", db});
  ASSERT_EQ(stats.rc, 0) << stats.err;
  EXPECT_NE(stats.out.find("outcome"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("ok_current"), std::string::npos) << stats.out;
  const RunResult csv = run_stablecut(dir, {"stats", "--db", db, "--by", "phase,kind", "--format", "csv"});
  ASSERT_EQ(csv.rc, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("phase,kind,states\n", 0), 0u) << csv.out;
}

TEST(Campaign, PlantedBugRecordedOncePerSignatureMinimisedAndReplayed) {
  TempDir dir;
  const std::string db = dir.file("r.db");
  const auto args = campaign_args(db, {"--workloads", "4", "--jobs", "2", "--bug", "shadow-skip-flush"});
  const RunResult r = run_stablecut(dir, args);
  ASSERT_EQ(r.rc, 1) << r.out << r.err;
  auto dbh = results::ResultsDb::open(db, results::OpenMode::read_only);
  const auto failures = dbh.failures();
  ASSERT_FALSE(failures.empty());
  for (const auto& f : failures) {
    EXPECT_EQ(static_cast<std::int64_t>(f.count),
              sql_int(db, "SELECT sum(count) FROM failure_hit WHERE failure_id = " + std::to_string(f.id)));
    ASSERT_TRUE(f.reproducer) << f.signature;
    const std::string min_path = f.reproducer->trace_path;
    ASSERT_TRUE(std::filesystem::exists(min_path)) << min_path;
    ASSERT_NE(min_path.find("-min.trace.json"), std::string::npos);
    const std::string found_path = min_path.substr(0, min_path.size() - 15) + ".trace.json";
    EXPECT_LE(op_count(load_case(min_path).workload), op_count(load_case(found_path).workload));

    const RunResult replay = run_stablecut(dir, {"replay", "--db", db, "--failure", std::to_string(f.id)});
    EXPECT_EQ(replay.rc, 1) << replay.out << replay.err;
    EXPECT_NE(replay.out.find(results::name(*f.outcome)), std::string::npos) << replay.out;
    const RunResult again = run_stablecut(dir, {"replay", min_path});
    EXPECT_EQ(again.rc, 1) << again.out;
    EXPECT_NE(again.out.find(results::name(*f.outcome)), std::string::npos) << again.out;
  }
  // A second campaign on the same database finds the same signatures: nothing new.
  const RunResult second = run_stablecut(dir, args);
  EXPECT_EQ(second.rc, 1);
  EXPECT_NE(second.out.find("failures: 0 new, " + std::to_string(failures.size()) + " total"), std::string::npos)
      << second.out;
  EXPECT_EQ(dbh.failures().size(), failures.size());
}

TEST(Campaign, CellsCountFsckFindingsAndWorkloadsAndStatesTimeTheirWork) {
  TempDir dir;
  const std::string db = dir.file("r.db");
  const RunResult r =
      run_stablecut(dir, campaign_args(db, {"--workloads", "2", "--bug", "shadow-skip-flush", "--no-minimize"}));
  ASSERT_EQ(r.rc, 1) << r.out << r.err;
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM workload WHERE enumerate_s > 0 AND check_s > 0"), 2);
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM crash_state WHERE check_us = 0"), 0);
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM failure WHERE repro_command NOT LIKE '% --tier inproc'"), 0);
  EXPECT_GT(sql_int(db, "SELECT sum(fsck_violations) FROM outcome_count"), 0);
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM outcome_count WHERE outcome IN ('ok_current', 'ok_previous') "
                        "AND fsck_violations > 0"), 0);
  // Each kept state's findings are among those of its cell.
  ASSERT_GT(sql_int(db, "SELECT count(*) FROM crash_state WHERE fsck_violations > 0"), 0);
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM crash_state s JOIN outcome_count c ON c.workload_id = s.workload_id "
                        "AND c.phase = s.phase AND c.kind = s.kind AND c.outcome = s.outcome "
                        "WHERE c.fsck_violations < s.fsck_violations"), 0);
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM crash_state s WHERE s.fsck_violations > 0 AND NOT EXISTS (SELECT 1 "
                        "FROM outcome_count c WHERE c.workload_id = s.workload_id AND c.phase = s.phase "
                        "AND c.kind = s.kind AND c.outcome = s.outcome)"), 0);
}

TEST(Campaign, MinimizeCommandShrinksCaseAsFound) {
  TempDir dir;
  const std::string db = dir.file("r.db");
  ASSERT_EQ(run_stablecut(dir, campaign_args(db, {"--workloads", "1", "--bug", "shadow-skip-flush", "--no-minimize"})).rc, 1);
  auto dbh = results::ResultsDb::open(db, results::OpenMode::read_only);
  const std::string found = dbh.failures().at(0).reproducer->trace_path;
  const RunResult m = run_stablecut(dir, {"minimize", found, "--out", dir.file("small.trace.json"), "--modes", "prefix"});
  ASSERT_EQ(m.rc, 1) << m.out << m.err;
  EXPECT_LE(op_count(load_case(dir.file("small.trace.json")).workload), op_count(load_case(found).workload));
  EXPECT_EQ(run_stablecut(dir, {"replay", dir.file("small.trace.json")}).rc, 1);
}

}  // namespace

}  // namespace sc::campaign::testing

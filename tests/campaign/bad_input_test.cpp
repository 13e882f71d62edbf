// bad_input_test.cpp — a missing, corrupted or newer database, an unknown
// failure or case id, a bad --shard, --duration, --tier or
// --states-per-workload each get one line on stderr and exit 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "process.h"

namespace sc::campaign::testing {

namespace {

TEST(CampaignBadInput, OneLineAndExit2) {
  TempDir dir;
  const std::string db = dir.file("r.db"), junk = dir.file("junk.db"), newer = dir.file("newer.db");
  ASSERT_EQ(run_stablecut(dir, campaign_args(db, {"--workloads", "1"})).rc, 0);
  std::ofstream(junk) << std::string(200, 'x');
  expect_one_line_exit_2(dir, {"stats", "--db", dir.file("missing.db")}, "missing.db");
  expect_one_line_exit_2(dir, {"stats", "--db", junk}, "junk.db");
  expect_one_line_exit_2(dir, {"report", "--db", junk, "--out", dir.file("rep")}, "junk.db");
  expect_one_line_exit_2(dir, campaign_args(junk, {"--workloads", "1"}), "junk.db");
  ASSERT_EQ(run_stablecut(dir, {"merge", newer, db}).rc, 0);
  ASSERT_EQ(system(("sqlite3 " + newer + " 'PRAGMA user_version = 999' > /dev/null").c_str()), 0);
  expect_one_line_exit_2(dir, {"stats", "--db", newer}, "newer");
  expect_one_line_exit_2(dir, {"replay", "--db", db, "--failure", "999"}, "999");
  expect_one_line_exit_2(dir, {"replay", "--db", db, "--case", "999"}, "999");
  expect_one_line_exit_2(dir, campaign_args(dir.file("s.db"), {"--shard", "2/2"}), "--shard");
  expect_one_line_exit_2(dir, campaign_args(dir.file("s.db"), {"--shard", "x"}), "--shard");
  expect_one_line_exit_2(dir, campaign_args(dir.file("s.db"), {"--duration", "8 hours"}), "--duration");
  expect_one_line_exit_2(dir, campaign_args(dir.file("s.db"), {"--tier", "mars"}), "--tier");
  expect_one_line_exit_2(dir, campaign_args(dir.file("s.db"), {"--states-per-workload", "0"}), "--states-per-workload");
  expect_one_line_exit_2(dir, campaign_args(dir.file("s.db"), {"--resume"}), "--resume");
  expect_one_line_exit_2(dir, {"campaign", "--db", dir.file("s.db"), "--corpus", dir.file("nowhere")}, "--corpus");
  expect_one_line_exit_2(dir, {"merge", dir.file("m.db"), dir.file("missing.db")}, "missing.db");
}

}  // namespace

}  // namespace sc::campaign::testing

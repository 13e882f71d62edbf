// seed_test.cpp — seeds are whole numbers from 0 to 2^64-1, taken exactly:
// every command with a seed flag refuses -1, 2^64, 10^23, a fraction and
// text with one line and exit 2 (nothing is clamped); a campaign stores
// its seed so that every JSON reader reads it exactly (SQLite's
// json_extract included), and 2^64-1 round-trips through --resume.
#include <gtest/gtest.h>

#include <filesystem>

#include "process.h"

namespace sc::campaign::testing {

namespace {

const char* kMax = "18446744073709551615";  // 2^64-1

std::string basic() { return std::string(STABLECUT_CORPUS) + "/basic.json"; }

TEST(Seeds, OutOfRangeSeedsAreRefusedByEveryCommand) {
  TempDir dir;
  const std::string case_file = seeded_bug_case(dir, basic());
  ASSERT_FALSE(case_file.empty());
  const std::vector<std::vector<std::string>> commands = {
      {"run", "--workload", basic(), "--cases-dir", dir.file("c2"), "--seed"},
      {"run", "--workload", basic(), "--cases-dir", dir.file("c2"), "--schedule-seed"},
      campaign_args(dir.file("r.db"), {"--workloads", "1", "--seed"}),
      {"minimize", case_file, "--out", dir.file("m.trace.json"), "--seed"},
  };
  for (const auto& command : commands) {
    for (const char* bad : {"-1", "18446744073709551616", "100000000000000000000000", "1.5", "abc", "1e3", ""}) {
      std::vector<std::string> args = command;
      args.emplace_back(bad);
      SCOPED_TRACE(args.front() + " " + args[args.size() - 2] + " '" + bad + "'");
      expect_one_line_exit_2(dir, args, args[args.size() - 2] + ": expected a whole number from 0 to 2^64-1");
    }
  }
  EXPECT_FALSE(std::filesystem::exists(dir.file("r.db")));
  EXPECT_FALSE(std::filesystem::exists(dir.file("m.trace.json")));
}

TEST(Seeds, TheLargestSeedIsStoredExactlyAndSurvivesResume) {
  TempDir dir;
  const std::string db = dir.file("r.db"), fresh = dir.file("fresh.db");
  ASSERT_EQ(run_stablecut(dir, campaign_args(db, {"--workloads", "1", "--seed", kMax})).rc, 0);
  EXPECT_EQ(sql_rows(db, "SELECT json_extract(options, '$.seed') FROM campaign"), std::vector<std::string>{kMax});
  EXPECT_EQ(sql_rows(db, "SELECT master_seed FROM campaign"), std::vector<std::string>{"0xffffffffffffffff"});
  // Resume it for one more workload: the same seeds as one campaign of two.
  sql_exec(db, "UPDATE campaign SET status = 'interrupted', options = json_set(options, '$.workloads', 2)");
  const RunResult resumed = run_stablecut(dir, {"campaign", "--resume", "--db", db, "--seed", kMax});
  ASSERT_EQ(resumed.rc, 0) << resumed.out << resumed.err;
  ASSERT_EQ(run_stablecut(dir, campaign_args(fresh, {"--workloads", "2", "--seed", kMax})).rc, 0);
  const char* seeds = "SELECT name, seed FROM workload ORDER BY name";
  EXPECT_EQ(sql_rows(db, seeds), sql_rows(fresh, seeds));
  EXPECT_EQ(sql_rows(db, seeds).size(), 2u);
  // Small seeds stay JSON numbers.
  const std::string small = dir.file("small.db");
  ASSERT_EQ(run_stablecut(dir, campaign_args(small, {"--workloads", "1", "--seed", "0x10"})).rc, 0);
  EXPECT_EQ(sql_rows(small, "SELECT json_type(options, '$.seed'), json_extract(options, '$.seed') FROM campaign"),
            std::vector<std::string>{"integer|16"});
}

}  // namespace

}  // namespace sc::campaign::testing

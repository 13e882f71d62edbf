// merge_test.cpp — `merge` of two shard databases has the same outcome
// counts as the same campaign run unsharded, and merging again adds nothing.
#include <gtest/gtest.h>

#include "process.h"

namespace sc::campaign::testing {

namespace {

const char* kCounts =
    "SELECT phase, kind, outcome, sum(states) FROM outcome_count GROUP BY phase, kind, outcome ORDER BY 1, 2, 3";

TEST(CampaignMerge, ShardsMergeToTheUnshardedCounts) {
  TempDir dir;
  const std::string whole = dir.file("whole.db"), s0 = dir.file("s0.db"), s1 = dir.file("s1.db"), out = dir.file("m.db");
  ASSERT_EQ(run_stablecut(dir, campaign_args(whole, {"--workloads", "8"})).rc, 0);
  ASSERT_EQ(run_stablecut(dir, campaign_args(s0, {"--workloads", "8", "--shard", "0/2"})).rc, 0);
  ASSERT_EQ(run_stablecut(dir, campaign_args(s1, {"--workloads", "8", "--shard", "1/2"})).rc, 0);
  EXPECT_EQ(sql_int(s0, "SELECT count(*) FROM workload"), 4);
  const RunResult m = run_stablecut(dir, {"merge", out, s0, s1});
  ASSERT_EQ(m.rc, 0) << m.err;
  EXPECT_EQ(sql_rows(out, kCounts), sql_rows(whole, kCounts));
  EXPECT_EQ(sql_int(out, "SELECT count(*) FROM workload"), 8);
  ASSERT_EQ(run_stablecut(dir, {"merge", out, s0, s1}).rc, 0);
  EXPECT_EQ(sql_rows(out, kCounts), sql_rows(whole, kCounts));
}

}  // namespace

}  // namespace sc::campaign::testing

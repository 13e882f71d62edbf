// detect_cli_test.cpp — `stablecut bench detect` through the real binary:
// a kernel bug and a shadow bug are each detected in-process within a 20 s
// budget (by the first pass over the corpus, prefix states only), the
// campaign stops at the first illegal state, and that state
// replays to the same verdict under real QEMU (the test starts it through
// the binary); the result is stored and its first case replays with
// `replay --case`; the correct system gives 0 false positives and exit 0;
// a bad --bug, --budget, --tier or --format is exit 2 with one line.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/support/run_binary.h"
#include "tests/support/sql.h"
#include "tests/support/temp_dir.h"

namespace {

using Result = sc::test::BinaryResult;
using sc::test::sql_int;
using sc::test::sql_rows;

Result run(const std::string& args) { return sc::test::run_binary(STABLECUT_BIN, args, /*with_stderr=*/false); }
Result run_all_output(const std::string& args) { return sc::test::run_binary(STABLECUT_BIN, args); }

nlohmann::json json_of(const Result& r) {
  try {
    return nlohmann::json::parse(r.out);
  } catch (const nlohmann::json::exception& e) {
    ADD_FAILURE() << "not JSON: " << e.what() << "\n" << r.out;
    return nlohmann::json::object();
  }
}

// Detects `bug` in-process, replays its first failure under QEMU, and
// checks the report, the stored rows and the stop at the first finding.
void expect_detected_and_replayed(const std::string& bug) {
  sc::test::TempDir dir;
  const std::string db = dir.file("detect.db");
  const Result r = run("bench detect --tier inproc --bug " + bug + " --budget 20s --format json --db " + db);
  ASSERT_EQ(r.code, 0) << r.out;
  const nlohmann::json report = json_of(r);
  ASSERT_EQ(report["rows"].size(), 1u) << r.out;
  const nlohmann::json& row = report["rows"][0];
  EXPECT_EQ(row["bug"], bug);
  EXPECT_EQ(row["detected"], true);
  EXPECT_GT(row["states"].get<uint64_t>(), 0u);
  EXPECT_LE(row["seconds"].get<double>(), 20.0);
  EXPECT_EQ(row["replay"]["tier"], "qemu");
  EXPECT_EQ(row["replay"]["outcome"], row["outcome"]);
  EXPECT_EQ(row["replay"]["agrees"], true);
  EXPECT_EQ(report["passed"], true);

  const std::string campaign = std::to_string(row["campaign_id"].get<int64_t>());
  EXPECT_EQ(sql_rows(db, "SELECT bug, detected, replay_tier, replay_agrees FROM detect_result"),
            std::vector<std::string>{bug + "|1|qemu|1"});
  // The first case is an illegal state the campaign kept, as reported.
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM detect_result d JOIN crash_state s ON s.id = d.first_case_id "
                        "JOIN workload w ON w.id = s.workload_id WHERE w.campaign_id = d.campaign_id "
                        "AND s.failure_id IS NOT NULL AND s.phase = d.phase AND s.kind = d.kind AND s.outcome = d.outcome"),
            1);
  // Found by the first pass (every corpus workload once, prefix states only),
  // so the second pass never ran.
  EXPECT_EQ(row["kind"], "prefix");
  EXPECT_EQ(sql_rows(db, "SELECT name FROM campaign ORDER BY id"), std::vector<std::string>{"detect-" + bug + "-prefix"});
  // Stopped at the first finding: no workload before the first case's has a
  // failure, the states counted until then end inside that workload, and a
  // workload begun after it (one already in flight) was stopped early.
  const std::string first_case = std::to_string(row["first_case_id"].get<int64_t>());
  const std::string first_workload = std::to_string(sql_int(db, "SELECT workload_id FROM crash_state WHERE id = " + first_case));
  const auto states_of = [&](const std::string& where) {
    return sql_int(db, "SELECT coalesce(sum(c.states), 0) FROM outcome_count c JOIN workload w ON w.id = c.workload_id "
                       "WHERE w.campaign_id = " + campaign + " AND " + where);
  };
  const int64_t before_first = states_of("w.id < " + first_workload);
  EXPECT_GT(row["states"].get<int64_t>(), before_first);
  EXPECT_LE(row["states"].get<int64_t>(), before_first + states_of("w.id = " + first_workload));
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM workload w JOIN crash_state s ON s.workload_id = w.id WHERE "
                        "w.campaign_id = " + campaign + " AND s.failure_id IS NOT NULL AND w.id < " + first_workload),
            0);
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM workload WHERE campaign_id = " + campaign + " AND id > " + first_workload +
                        " AND partial = 0"),
            0);
  // The stored first case replays in-process as the campaign judged it.
  const Result replay = run("replay --case " + first_case + " --db " + db);
  EXPECT_EQ(replay.code, 1) << replay.out;
}

TEST(BenchDetect, KernelBugIsDetectedInProcessAndReplaysUnderQemu) {
  expect_detected_and_replayed("kernel-overwrite-root-copy");
}

TEST(BenchDetect, ShadowBugIsDetectedInProcessAndReplaysUnderQemu) {
  expect_detected_and_replayed("shadow-reuse-blocks");
}

TEST(BenchDetect, CorrectSystemHasNoFalsePositives) {
  sc::test::TempDir dir;
  const std::string db = dir.file("detect.db");
  const Result r = run("bench detect --bug none --budget 3s --db " + db);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("correct system (no bug), corpus all:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(", 0 false positives"), std::string::npos) << r.out;
  EXPECT_EQ(sql_rows(db, "SELECT bug IS NULL, detected, illegal, states > 0 FROM detect_result"),
            std::vector<std::string>{"1|0|0|1"});
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM detect_run WHERE finished_at IS NOT NULL AND tier = 'inproc'"), 1);
}

void expect_usage_error(const std::string& args, const std::string& wording) {
  const Result r = run_all_output("bench detect " + args);
  EXPECT_EQ(r.code, 2) << args << "\n" << r.out;
  EXPECT_NE(r.out.find(wording), std::string::npos) << args << "\n" << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << args << "\n" << r.out;
}

TEST(BenchDetect, BadFlagsAreUsageErrorsOfOneLine) {
  sc::test::TempDir dir;
  const std::string db = " --db " + dir.file("detect.db");
  expect_usage_error("--bug no-such-bug" + db, "--bug no-such-bug: unknown bug; expected one of");
  expect_usage_error("--budget 0" + db, "--budget");
  expect_usage_error("--budget ten" + db, "--budget");
  expect_usage_error("--tier elsewhere" + db, "--tier");
  expect_usage_error("--format xml" + db, "--format");
  expect_usage_error("--corpus ''" + db, "--corpus : expected a directory of workload files");
  expect_usage_error("--tier qemu --bug shadow-unchecked-read-page" + db,
                     "--bug shadow-unchecked-read-page: only call-error finds it, which runs in-process only");
  expect_usage_error("--tier qemu --bug kernel-disk-bound-off-by-one" + db,
                     "--bug kernel-disk-bound-off-by-one: only call-misuse finds it, which runs in-process only");
}

// A bug only call-error (call-misuse) finds is detected in-process, and its
// first failure (a state of the run recorded in-process with the call failing
// or misused) recovers alike under QEMU by a real reboot.
TEST(BenchDetect, CallFaultBugsAreDetectedInProcessAndReplayUnderQemu) {
  sc::test::TempDir dir;
  const std::string db = dir.file("detect.db");
  const Result r = run("bench detect --bug shadow-unchecked-read-page --bug kernel-disk-bound-off-by-one --budget 20s --db " + db);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(sql_rows(db, "SELECT detected, kind, replay_tier, replay_agrees FROM detect_result ORDER BY id"),
            (std::vector<std::string>{"1|call-error|qemu|1", "1|call-misuse|qemu|1"}));
}

}  // namespace

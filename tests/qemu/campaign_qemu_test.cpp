// campaign_qemu_test.cpp — campaigns under QEMU through the real binary:
// workloads recorded under QEMU and their crash states checked by real
// reboots (at most --max-states per workload, two QEMUs for --jobs 2) land
// in the database as tier=qemu outcomes of a database that passes
// integrity_check; against a planted bug the failure and its kept crash
// state are stored, and the case replays under QEMU to the same outcome; a
// --duration deadline inside a workload's reboots stops them between crash
// states and commits the workload as partial with what was checked; a
// Ctrl-C (SIGINT to the whole foreground job) interrupts the campaign as it
// does in-process, resumable, rather than failing on the QEMUs and nbdkits
// the signal used to reach too.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "injector/results/results_db.h"
#include "tests/campaign/campaign_counts.h"
#include "tests/campaign/process.h"

namespace sc::campaign::testing {

namespace {

std::vector<std::string> qemu_campaign(const std::string& db, const std::vector<std::string>& extra) {
  std::vector<std::string> a = {"campaign", "--tier", "qemu", "--db", db, "--corpus", STABLECUT_CORPUS_DIR,
                                "--modes",  "prefix", "--max-states", "30", "--jobs", "2"};
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

TEST(QemuCampaign, ShortCampaignStoresQemuOutcomes) {
  TempDir dir;
  const std::string db = dir.file("q.db");
  const RunResult r = run_stablecut(dir, qemu_campaign(db, {}));
  ASSERT_EQ(r.rc, 0) << r.out << r.err;
  // Two jobs: a job that ends its first workload before the other job's
  // states are counted starts a third one.
  const int64_t workloads = sql_int(db, "SELECT count(*) FROM workload");
  EXPECT_TRUE(workloads == 2 || workloads == 3) << r.out;
  EXPECT_NE(r.out.find("finished: " + std::to_string(workloads) + " workloads"), std::string::npos) << r.out;
  std::string problem;
  EXPECT_TRUE(results::integrity_ok(db, &problem)) << problem;
  EXPECT_EQ(sql_rows(db, "SELECT tier, status FROM campaign"), std::vector<std::string>{"qemu|finished"});
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM workload WHERE record_s > 0 AND enumerate_s > 0 AND check_s > 0"),
            workloads);
  EXPECT_EQ(sql_int(db, "SELECT max(n) FROM (SELECT sum(states) AS n FROM outcome_count GROUP BY workload_id)"), 30);
  EXPECT_GT(sql_int(db, "SELECT sum(states) FROM outcome_count WHERE outcome IN ('ok_current', 'ok_previous')"), 30);
  const RunResult stats = run_stablecut(dir, {"stats", "--db", db, "--by", "tier,outcome", "--format", "csv"});
  ASSERT_EQ(stats.rc, 0) << stats.err;
  EXPECT_NE(stats.out.find("\nqemu,ok_previous,"), std::string::npos) << stats.out;
}

TEST(QemuCampaign, PlantedBugStoresFailureWhoseCaseReplaysUnderQemu) {
  TempDir dir;
  const std::string db = dir.file("q.db");
  const RunResult r = run_stablecut(dir, qemu_campaign(db, {"--bug", "shadow-skip-flush", "--no-minimize"}));
  ASSERT_EQ(r.rc, 1) << r.out << r.err;
  EXPECT_TRUE(results::integrity_ok(db));
  ASSERT_GT(sql_int(db, "SELECT count(*) FROM failure"), 0);
  const auto kept = sql_rows(db, "SELECT id, outcome FROM crash_state ORDER BY id LIMIT 1");
  ASSERT_EQ(kept.size(), 1u);
  const std::string id = kept[0].substr(0, kept[0].find('|')), outcome = kept[0].substr(kept[0].find('|') + 1);
  const RunResult replay = run_stablecut(dir, {"replay", "--db", db, "--case", id, "--tier", "qemu"});
  EXPECT_EQ(replay.rc, 1) << replay.out << replay.err;
  EXPECT_NE(replay.out.find("verdict: " + outcome), std::string::npos) << replay.out;
}

TEST(QemuCampaign, DeadlineStopsBetweenRebootsAndCommitsThePartialWorkload) {
  TempDir dir;
  const std::string db = dir.file("q.db");
  std::filesystem::create_directories(dir.file("corpus"));
  std::filesystem::copy_file(std::string(STABLECUT_CORPUS_DIR) + "/two_managers_cut.json",
                             dir.file("corpus/two_managers_cut.json"));
  // 1848 crash states: far more reboots than fit in the deadline.
  const RunResult r = run_stablecut(dir, {"campaign", "--tier", "qemu", "--db", db, "--corpus", dir.file("corpus"),
                                          "--modes", "prefix,reorder,torn", "--states-per-workload", "100000",
                                          "--jobs", "1", "--workloads", "1", "--duration", "8"});
  ASSERT_EQ(r.rc, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("finished: 1 workload (1 cut short by the deadline)"), std::string::npos) << r.out;
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM workload WHERE partial = 1"), 1);
  const CampaignCounts in_db = database_counts(db);
  EXPECT_GT(in_db.states, 0);
  EXPECT_LT(in_db.states, 1848);
  EXPECT_EQ(summary_counts(r.out), in_db) << r.out;
  EXPECT_EQ(last_progress_counts(r.err), in_db) << r.err;
}

TEST(QemuCampaign, CtrlCInterruptsItResumably) {
  TempDir dir;
  const std::string db = dir.file("q.db");
  const std::string out = dir.file("out.txt"), err = dir.file("err.txt");
  const pid_t job = spawn_stablecut_job(
      {"campaign", "--tier", "qemu", "--db", db, "--corpus", STABLECUT_CORPUS_DIR, "--duration", "60", "--jobs", "2"},
      out, err);
  for (int i = 0; i < 60000 && committed_workloads(db) < 1; ++i) usleep(1000);
  usleep(200000);  // into the next workloads' reboots
  kill(-job, SIGINT);
  int status = 0;
  waitpid(job, &status, 0);
  const std::string printed = slurp(out);
  ASSERT_TRUE(WIFEXITED(status)) << printed << slurp(err);
  EXPECT_EQ(WEXITSTATUS(status), 0) << printed << slurp(err);
  EXPECT_NE(printed.find("interrupted; continue with: stablecut campaign --resume --db " + db), std::string::npos)
      << printed << slurp(err);
  EXPECT_EQ(sql_rows(db, "SELECT status FROM campaign"), std::vector<std::string>{"interrupted"});
}

}  // namespace

}  // namespace sc::campaign::testing

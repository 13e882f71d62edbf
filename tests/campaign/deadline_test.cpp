// deadline_test.cpp — a campaign whose --duration deadline, or SIGTERM,
// falls inside a long workload (slow/early_stabilise_many_pages.json:
// hundreds of thousands of crash states, with the planted bug's failures
// among the first; the signal is sent at the first progress line that counts
// states, so --progress-every keeps it inside the first workload's states)
// commits what was checked: the workload is recorded as partial with its
// states counted and its failures and case files kept, the summary's counts
// equal the last progress line's and the database's, every case file is
// named by a committed failure, and --resume continues after the partial
// workload instead of losing it again.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "campaign_counts.h"
#include "process.h"

namespace sc::campaign::testing {

namespace {

namespace fs = std::filesystem;

// A corpus of the one slow workload, in dir/corpus.
std::string slow_corpus(const TempDir& dir) {
  fs::create_directories(dir.file("corpus"));
  fs::copy_file(STABLECUT_SLOW_WORKLOAD, dir.file("corpus/slow.json"));
  return dir.file("corpus");
}

std::vector<std::string> slow_campaign(const TempDir& dir, const std::string& db, const std::vector<std::string>& extra) {
  std::vector<std::string> a = {"campaign",  "--db",   db,   "--corpus", slow_corpus(dir), "--jobs", "1",
                                "--bug", "shadow-skip-flush", "--modes", "prefix,reorder"};
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

// Every file under the cases directory is a failure's reproducer or the
// case (as found) it was minimised from; and every reproducer exists.
void expect_every_case_file_named(const std::string& db, const std::string& cases_dir) {
  std::set<std::string> named;
  for (const std::string& path : sql_rows(db, "SELECT repro_trace FROM failure WHERE repro_trace IS NOT NULL")) {
    EXPECT_TRUE(fs::exists(path)) << path;
    named.insert(path);
    const std::string min = "-min.trace.json";
    if (path.ends_with(min)) named.insert(path.substr(0, path.size() - min.size()) + ".trace.json");
  }
  if (!fs::exists(cases_dir)) return;
  for (const auto& e : fs::directory_iterator(cases_dir))
    EXPECT_TRUE(named.count(e.path().string())) << "orphan case file " << e.path();
}

// Waits (up to 2 minutes) for a progress line that counts checked states:
// the campaign is then inside its first workload's crash states.
bool wait_for_checked_states(const std::string& err_file) {
  for (int i = 0; i < 1200; ++i) {
    const CampaignCounts c = last_progress_counts(slurp(err_file));
    if (c.states > 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

// Waits for the child; its exit code, or -1 if a signal ended it.
int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(CampaignDeadline, DeadlineInsideLongWorkloadCommitsWhatWasChecked) {
  TempDir dir;
  const std::string db = dir.file("r.db");
  const RunResult r = run_stablecut(dir, slow_campaign(dir, db, {"--workloads", "1", "--duration", "6"}));
  ASSERT_EQ(r.rc, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("finished: 1 workload (1 cut short by the deadline)"), std::string::npos) << r.out;
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM workload WHERE partial = 1"), 1);
  const CampaignCounts in_db = database_counts(db);
  EXPECT_GT(in_db.states, 0);
  EXPECT_EQ(summary_counts(r.out), in_db) << r.out;
  EXPECT_EQ(last_progress_counts(r.err), in_db) << r.err;
  EXPECT_GT(sql_int(db, "SELECT count(*) FROM failure WHERE repro_trace IS NOT NULL"), 0) << r.out;
  EXPECT_EQ(sql_int(db, "SELECT coalesce(sum(count), 0) FROM failure_hit"),
            sql_int(db, "SELECT coalesce(sum(states), 0) FROM outcome_count WHERE outcome NOT IN "
                        "('ok_current', 'ok_previous')"));
  EXPECT_EQ(sql_rows(db, "SELECT status FROM campaign"), std::vector<std::string>{"finished"});
  expect_every_case_file_named(db, dir.file("cases"));
  const RunResult stats = run_stablecut(dir, {"stats", "--db", db, "--by", "tier", "--format", "csv"});
  ASSERT_EQ(stats.rc, 0) << stats.err;
  EXPECT_NE(stats.out.find("inproc," + std::to_string(in_db.states) + "\n"), std::string::npos) << stats.out;
}

TEST(CampaignDeadline, SigtermCommitsPartialWorkloadAndResumeContinuesAfterIt) {
  TempDir dir;
  const std::string db = dir.file("r.db");
  const pid_t pid = spawn_stablecut_to(slow_campaign(dir, db, {"--workloads", "3", "--progress-every", "0.2"}), dir.file("out1.txt"),
                                       dir.file("err1.txt"));
  ASSERT_TRUE(wait_for_checked_states(dir.file("err1.txt"))) << slurp(dir.file("err1.txt"));
  ASSERT_EQ(kill(pid, SIGTERM), 0);
  const int rc = wait_exit(pid);
  const std::string out = slurp(dir.file("out1.txt")), err = slurp(dir.file("err1.txt"));
  ASSERT_EQ(rc, 1) << out << err;
  EXPECT_NE(out.find("interrupted: 1 workload (1 cut short by the stop)"), std::string::npos) << out;
  EXPECT_EQ(sql_rows(db, "SELECT status FROM campaign"), std::vector<std::string>{"interrupted"});
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM workload WHERE partial = 1"), 1);
  EXPECT_EQ(summary_counts(out), database_counts(db)) << out;
  EXPECT_EQ(last_progress_counts(err), database_counts(db)) << err;
  expect_every_case_file_named(db, dir.file("cases"));

  // Each resumed run with a short deadline commits the next workload (part of it).
  const CampaignCounts before = database_counts(db);
  const RunResult resumed = run_stablecut(dir, {"campaign", "--resume", "--db", db, "--duration", "6"});
  ASSERT_TRUE(resumed.rc == 0 || resumed.rc == 1) << resumed.out << resumed.err;
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM workload"), 2);
  EXPECT_EQ(sql_int(db, "SELECT count(DISTINCT name) FROM workload WHERE partial = 1"), 2);
  const CampaignCounts after = database_counts(db);
  EXPECT_EQ(summary_counts(resumed.out), (CampaignCounts{1, after.states - before.states})) << resumed.out;
  EXPECT_EQ(last_progress_counts(resumed.err), (CampaignCounts{1, after.states - before.states})) << resumed.err;
  EXPECT_EQ(sql_rows(db, "SELECT status FROM campaign"), std::vector<std::string>{"finished"});
  expect_every_case_file_named(db, dir.file("cases"));
}

}  // namespace

}  // namespace sc::campaign::testing

// resume_test.cpp — `campaign --resume --db FILE` continues an interrupted
// campaign with the options stored with it (corpus, modes, seed, seeded
// bug, workload limit, --no-minimize) without repeating any flag; flags
// that contradict the stored options, an unknown or finished campaign, a
// name no unfinished campaign has, a stored option its flag would refuse,
// and (in a build without the QEMU tier) a stored tier qemu — for --resume
// and for `replay --case` — are one-line errors with exit 2.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <utility>

#include "injector/tier/tier_spec.h"
#include "process.h"

namespace sc::campaign::testing {

namespace {

// Starts the campaign, and SIGINTs it once two workloads are committed.
int interrupt_after_two_workloads(const std::vector<std::string>& args, const std::string& db) {
  const pid_t pid = spawn_stablecut(args);
  // Polled every millisecond: a release build runs a tiny workload in ~3 ms.
  for (int i = 0; i < 30000 && committed_workloads(db) < 2; ++i) usleep(1000);
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// text as an SQL string literal.
std::string sql_quoted(const std::string& text) {
  std::string q = "'";
  for (const char c : text) q += c == '\'' ? std::string("''") : std::string(1, c);
  return q + "'";
}

// Marks the campaign of a one-campaign database interrupted, so --resume
// takes it, and gives its stored options `value` (SQL) under `key`.
void tamper_stored_option(const std::string& db, const std::string& original, const std::string& key,
                          const std::string& value) {
  sql_exec(db, "UPDATE campaign SET status = 'interrupted', options = json_set(" + sql_quoted(original) + ", '$.\"" +
                   key + "\"', " + value + ")");
}

bool any_minimised_case(const std::string& dir) {
  if (!std::filesystem::exists(dir)) return false;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().string().find("-min.trace.json") != std::string::npos) return true;
  return false;
}

TEST(CampaignResume, ContinuesWithStoredOptionsWithoutRepeatingFlags) {
  TempDir dir;
  const std::string db = dir.file("r.db");
  const int rc = interrupt_after_two_workloads(
      campaign_args(db, {"--workloads", "120", "--jobs", "2", "--seed", "5", "--name", "night", "--bug",
                         "shadow-skip-flush", "--no-minimize"}),
      db);
  ASSERT_EQ(rc, 1);  // interrupted, with findings of the planted bug
  ASSERT_EQ(sql_rows(db, "SELECT status FROM campaign"), std::vector<std::string>{"interrupted"});
  const std::int64_t before = committed_workloads(db);
  ASSERT_LT(before, 120);

  expect_one_line_exit_2(dir, {"campaign", "--resume", "--db", db, "--modes", "reorder"},
                         "--modes reorder contradicts campaign 1's stored prefix");
  expect_one_line_exit_2(dir, {"campaign", "--resume", "--db", db, "--bug", "shadow-reuse-blocks"}, "--bug");
  expect_one_line_exit_2(dir, {"campaign", "--resume", "--db", db, "--seed", "6"}, "--seed 6");
  expect_one_line_exit_2(dir, {"campaign", "--resume", "--db", db, "--workloads", "10"}, "--workloads 10");
  expect_one_line_exit_2(dir, {"campaign", "--resume", "--db", db, "--campaign", "2"}, "no campaign with id 2");
  expect_one_line_exit_2(dir, {"campaign", "--resume", "--db", db, "--name", "day"}, "named 'day'");
  expect_one_line_exit_2(dir, {"campaign", "--campaign", "1", "--db", db}, "--resume");
  EXPECT_EQ(committed_workloads(db), before);  // refused runs change nothing

  const RunResult resumed = run_stablecut(dir, {"campaign", "--resume", "--db", db, "--jobs", "2"});
  ASSERT_EQ(resumed.rc, 1) << resumed.out << resumed.err;
  EXPECT_NE(resumed.out.find("campaign 1 ("), std::string::npos) << resumed.out;
  EXPECT_NE(resumed.out.find("finished: " + std::to_string(120 - before) + " workloads"), std::string::npos)
      << resumed.out;
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM campaign"), 1);
  EXPECT_EQ(committed_workloads(db), 120);
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM workload WHERE name NOT LIKE '%-tiny'"), 0);  // the stored corpus
  EXPECT_EQ(sql_rows(db, "SELECT DISTINCT kind FROM outcome_count"), std::vector<std::string>{"prefix"});
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM workload WHERE seed <> printf('0x%016x', 5 + CAST(substr(name, 1, 6) "
                        "AS INTEGER))"), 0);
  // The stored bug, in every whole workload that stabilises (a mutation may drop every stabilise).
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM workload w WHERE partial = 0 AND w.workload_json LIKE "
                        "'%\"stabilise\"%' AND NOT EXISTS (SELECT 1 FROM failure_hit h WHERE h.workload_id = w.id)"),
            0);
  EXPECT_GT(sql_int(db, "SELECT count(*) FROM workload w WHERE partial = 0 AND EXISTS (SELECT 1 FROM failure_hit h "
                        "WHERE h.workload_id = w.id)"),
            100);
  EXPECT_FALSE(any_minimised_case(dir.file("cases")));
  expect_one_line_exit_2(dir, {"campaign", "--resume", "--db", db}, "expected an unfinished campaign");
  expect_one_line_exit_2(dir, {"campaign", "--resume", "--db", db, "--campaign", "1"}, "finished");
}

// --modes exhaustive,torn, the in-process default, is stored with the
// campaign like any mode, with its budget, and a resumed run may repeat them.
TEST(CampaignResume, TheExhaustiveModeIsStoredAndRepeatable) {
  TempDir dir;
  const std::string db = dir.file("x.db");
  const RunResult first =
      run_stablecut(dir, {"campaign", "--db", db, "--corpus", STABLECUT_TEST_CORPUS, "--workloads", "2"});
  ASSERT_EQ(first.rc, 0) << first.out << first.err;
  EXPECT_EQ(sql_rows(db, "SELECT json_extract(options, '$.modes') FROM campaign"),
            std::vector<std::string>{"[\"exhaustive\",\"torn\"]"});
  EXPECT_EQ(sql_rows(db, "SELECT json_extract(options, '$.\"runs-per-cut\"') FROM campaign"),
            std::vector<std::string>{"256"});
  sql_exec(db, "UPDATE campaign SET status = 'interrupted'");
  expect_one_line_exit_2(dir, {"campaign", "--resume", "--db", db, "--runs-per-cut", "9"},
                         "--runs-per-cut 9 contradicts campaign 1's stored 256");
  const std::string stored = sql_rows(db, "SELECT options FROM campaign").at(0);
  sql_exec(db, "UPDATE campaign SET options = json_remove(" + sql_quoted(stored) + ", '$.\"runs-per-cut\"')");
  expect_one_line_exit_2(dir, {"campaign", "--resume", "--db", db, "--runs-per-cut", "9"},
                         "--runs-per-cut 9 contradicts campaign 1's stored 16384");  // stored before the key was
  sql_exec(db, "UPDATE campaign SET options = " + sql_quoted(stored));
  EXPECT_GT(sql_int(db, "SELECT count(*) FROM outcome_count"), 0);
  const RunResult again =
      run_stablecut(dir, {"campaign", "--resume", "--db", db, "--modes", "exhaustive,torn", "--workloads", "3"});
  EXPECT_EQ(again.rc, 2) << again.out << again.err;  // --workloads contradicts the stored 2; --modes agrees
  const std::string said = again.out + again.err;
  EXPECT_NE(said.find("--workloads 3 contradicts"), std::string::npos) << said;
  EXPECT_EQ(said.find("--modes"), std::string::npos) << said;
}

TEST(CampaignResume, StoredOptionsTheirFlagsWouldRefuseAreOneLineErrors) {
  TempDir dir;
  const std::string db = dir.file("r.db");
  ASSERT_EQ(run_stablecut(dir, campaign_args(db, {"--workloads", "1"})).rc, 0);
  const std::string original = sql_rows(db, "SELECT options FROM campaign").at(0);
  const std::pair<std::string, std::string> refused[] = {
      {"states-per-workload", "0"}, {"states-per-workload", "1000000001"}, {"jobs", "0"}, {"jobs", "1025"},
      {"jobs", "2.5"}, {"timeout", "0"}, {"timeout", "3601"}, {"k", "17"}, {"samples", "100001"},
      {"torn-samples", "-1"}, {"duration", "0"}, {"seed", "-1"}, {"max-states", "'many'"},
      {"modes", "json('[]')"}, {"tier", "'mars'"}, {"bug", "json('[\"no-such-bug\"]')"}, {"runs-per-cut", "0"}};
  for (const auto& [key, value] : refused) {
    SCOPED_TRACE(key + " = " + value);
    tamper_stored_option(db, original, key, value);
    expect_one_line_exit_2(dir, {"campaign", "--resume", "--db", db}, "campaign 1: stored option '" + key + "'");
  }
  tamper_stored_option(db, original, "states-per-workload", "1");  // in range: resumes, nothing left to run
  const RunResult resumed = run_stablecut(dir, {"campaign", "--resume", "--db", db});
  EXPECT_EQ(resumed.rc, 0) << resumed.out << resumed.err;
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM workload"), 1);
}

// A build with the QEMU tier takes a stored tier qemu (the QEMU tests resume
// and replay such campaigns); one without it must refuse it rather than run
// the campaign, or rebuild its kept states, in-process.
TEST(CampaignResume, StoredQemuTierWithoutTheQemuTierIsRefused) {
  if (tier::qemu_tier_built()) GTEST_SKIP() << "this build has the QEMU tier";
  TempDir dir;
  const std::string db = dir.file("r.db");
  ASSERT_EQ(run_stablecut(dir, campaign_args(db, {"--workloads", "1", "--bug", "shadow-skip-flush", "--no-minimize"}))
                .rc,
            1);
  const std::string original = sql_rows(db, "SELECT options FROM campaign").at(0);
  tamper_stored_option(db, original, "tier", "'qemu'");
  expect_one_line_exit_2(dir, {"campaign", "--resume", "--db", db}, "this build has no QEMU tier");
  const std::string id = std::to_string(sql_int(db, "SELECT min(id) FROM crash_state"));
  expect_one_line_exit_2(dir, {"replay", "--db", db, "--case", id}, "this build has no QEMU tier");
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM workload"), 1);
}

}  // namespace

}  // namespace sc::campaign::testing

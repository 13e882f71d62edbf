// failures_test.cpp — `stablecut failures` lists every failure of a
// database (or of one campaign) with its id, signature, first sighting,
// count and a replay command that reproduces it (exit 1, ILLEGAL) when run
// as printed; the campaign's summary points at it. After shards are run
// elsewhere, their databases and cases directories copied back and merged,
// the merged database's replay commands still reproduce every failure.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "printed_commands.h"
#include "process.h"

namespace sc::campaign::testing {

namespace {

namespace fs = std::filesystem;

// The replay commands in `failures` output.
std::vector<std::vector<std::string>> replay_commands(const std::string& out) { return printed_commands(out, "replay"); }

void expect_each_replay_reproduces(const TempDir& dir, const std::string& failures_out) {
  const auto commands = replay_commands(failures_out);
  ASSERT_FALSE(commands.empty()) << failures_out;
  for (const auto& args : commands) {
    const RunResult r = run_stablecut(dir, args);
    EXPECT_EQ(r.rc, 1) << failures_out << r.out << r.err;
    EXPECT_NE(r.out.find("(ILLEGAL)"), std::string::npos) << r.out;
  }
}

TEST(Failures, ListsEveryFailureWithAReplayCommandThatReproducesIt) {
  TempDir dir;
  const std::string db = dir.file("r.db");
  const RunResult run =
      run_stablecut(dir, campaign_args(db, {"--workloads", "3", "--jobs", "2", "--bug", "shadow-skip-flush"}));
  ASSERT_EQ(run.rc, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("stablecut failures --db " + db + " --campaign 1"), std::string::npos) << run.out;

  const RunResult listed = run_stablecut(dir, {"failures", "--db", db, "--campaign", "1"});
  ASSERT_EQ(listed.rc, 0) << listed.err;
  const auto rows = sql_rows(db, "SELECT id, signature, count, date(first_seen, 'unixepoch') FROM failure");
  ASSERT_FALSE(rows.empty());
  for (const auto& row : rows) {
    std::vector<std::string> f;
    std::istringstream cells(row);
    for (std::string c; std::getline(cells, c, '|');) f.push_back(c);
    EXPECT_NE(listed.out.find(f[1]), std::string::npos) << f[1] << "\n" << listed.out;
    EXPECT_NE(listed.out.find("--failure " + f[0] + " "), std::string::npos) << listed.out;
    EXPECT_NE(listed.out.find(f[3]), std::string::npos) << "first seen " << f[3] << "\n" << listed.out;
  }
  EXPECT_EQ(replay_commands(listed.out).size(), rows.size());
  expect_each_replay_reproduces(dir, listed.out);

  const RunResult csv = run_stablecut(dir, {"failures", "--db", db, "--format", "csv"});
  ASSERT_EQ(csv.rc, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("id,phase,outcome,count,first_seen,signature,replay\n", 0), 0u) << csv.out;
  const std::int64_t total = sql_int(db, "SELECT sum(count) FROM failure");
  const RunResult json = run_stablecut(dir, {"failures", "--db", db, "--format", "json"});
  ASSERT_EQ(json.rc, 0) << json.err;
  EXPECT_NE(json.out.find("\"count\": " + std::to_string(sql_int(db, "SELECT max(count) FROM failure"))),
            std::string::npos) << json.out << total;

  expect_one_line_exit_2(dir, {"failures", "--db", db, "--campaign", "7"}, "no campaign with id 7");
  expect_one_line_exit_2(dir, {"failures", "--db", dir.file("none.db")}, "no such file");
}

TEST(Failures, ACampaignListsOnlyTheFailuresItHit) {
  TempDir dir;
  const std::string db = dir.file("r.db");
  ASSERT_EQ(run_stablecut(dir, campaign_args(db, {"--workloads", "2", "--bug", "shadow-skip-flush", "--no-minimize"})).rc,
            1);
  ASSERT_EQ(run_stablecut(dir, campaign_args(db, {"--workloads", "2", "--name", "clean"})).rc, 0);
  const RunResult clean = run_stablecut(dir, {"failures", "--db", db, "--campaign", "2"});
  ASSERT_EQ(clean.rc, 0) << clean.err;
  EXPECT_NE(clean.out.find("no failures in " + db + " for campaign 2"), std::string::npos) << clean.out;
  const RunResult first = run_stablecut(dir, {"failures", "--db", db, "--campaign", "1"});
  EXPECT_EQ(replay_commands(first.out).size(), static_cast<size_t>(sql_int(db, "SELECT count(*) FROM failure")));
}

// A journal partition of 64 blocks that 62 pages fill, in a workload that
// does not say it may fill it: its stabilisation is refused with no_space.
std::string overfilling_workload() {
  std::string ops = R"({"op":"create","container":"d","manager":"A"})";
  for (int page = 0; page < 62; ++page) ops += R"(,{"op":"write","container":"d","page":)" + std::to_string(page) + R"(,"value":1})";
  ops += R"(,{"op":"stabilise","manager":"A"})";
  return R"({"format":"stablecut-workload","version":2,"name":"overfill","seed":3,
    "managers":[{"name":"A","program":"journal","partition_blocks":64}],
    "steps":[{"run":[{"locus":"w","home":"A","ops":[)" + ops + "]}]}]}";
}

// A workload whose run disagrees with the reference model is no crash
// state: the campaign names the workload and the disagreement, and prints a
// command that records the workload again, which reproduces it.
TEST(Failures, ARecordingDisagreementNamesItsWorkloadAndAReplayThatReproducesIt) {
  TempDir dir;
  fs::create_directories(dir.file("corpus"));
  std::ofstream(dir.file("corpus/overfill.json")) << overfilling_workload();
  const std::string db = dir.file("r.db");
  const RunResult run = run_stablecut(
      dir, {"campaign", "--db", db, "--corpus", dir.file("corpus"), "--workloads", "1", "--modes", "prefix"});
  ASSERT_EQ(run.rc, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("while recording workloads (the first, workload 000000-overfill: stabilise A failed: no_space)"),
            std::string::npos) << run.out;
  const auto replays = printed_commands(run.out, "run");
  ASSERT_EQ(replays.size(), 1u) << run.out;
  const RunResult again = run_stablecut(dir, replays.front());
  EXPECT_EQ(again.rc, 1) << again.out << again.err;
  EXPECT_NE(again.out.find("FINDING (while recording): stabilise A failed: no_space"), std::string::npos) << again.out;
}

// Two "hosts" run a shard each; their databases and cases directories are
// copied into one results directory and the hosts' copies removed, as the
// sharding guide in docs/campaigns.md does.
TEST(Failures, MergedShardsReplayFromCopiedCasesDirectories) {
  TempDir dir;
  const std::string local = dir.file("results");
  fs::create_directories(local + "/cases");
  for (int i = 0; i < 2; ++i) {
    const std::string host = dir.file("host" + std::to_string(i)) + "/results";
    const std::string shard = host + "/shard-" + std::to_string(i) + ".db";
    const RunResult r = run_stablecut(dir, campaign_args(shard, {"--workloads", "4", "--shard", std::to_string(i) + "/2",
                                                                  "--bug", "shadow-skip-flush", "--no-minimize"}));
    ASSERT_EQ(r.rc, 1) << r.out << r.err;
    fs::copy(shard, local + "/shard-" + std::to_string(i) + ".db");
    fs::copy(host + "/cases", local + "/cases", fs::copy_options::recursive);
    fs::remove_all(dir.file("host" + std::to_string(i)));
  }
  const std::string merged = local + "/nightly.db";
  const RunResult m = run_stablecut(dir, {"merge", merged, local + "/shard-0.db", local + "/shard-1.db"});
  ASSERT_EQ(m.rc, 0) << m.err;
  const RunResult listed = run_stablecut(dir, {"failures", "--db", merged});
  ASSERT_EQ(listed.rc, 0) << listed.err;
  expect_each_replay_reproduces(dir, listed.out);
  fs::remove_all(local + "/cases");
  const auto commands = replay_commands(listed.out);
  ASSERT_FALSE(commands.empty());
  expect_one_line_exit_2(dir, commands.front(), "copy the campaign's cases directory beside the database");
}

}  // namespace

}  // namespace sc::campaign::testing

// kill_test.cpp — SIGKILL a running campaign at seeded random moments (at
// least 20 real kills); after each, the database passes integrity_check,
// every committed workload is complete (its outcome counts equal those of an
// uninterrupted reference run), and --resume continues; the final resumed
// campaign equals the reference. Kill delays are drawn within the reference
// run's duration, and a campaign that finishes between kills is started
// afresh, so the test does not depend on how fast the machine is.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>

#include "injector/results/results_db.h"
#include "kernel/core/prng.h"
#include "process.h"

namespace sc::campaign::testing {

namespace {

constexpr const char* kWorkloads = "48";

// A kill right after the file is created, before the schema transaction
// commits, leaves a valid database with nothing in it: nothing committed.
bool has_schema(const std::string& db) {
  return std::filesystem::exists(db) &&
         sql_int(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'outcome_count'") > 0;
}

// workload name -> "phase/kind/outcome=states;..." of its outcome counts.
std::map<std::string, std::string> per_workload(const std::string& db) {
  std::map<std::string, std::string> out;
  if (!has_schema(db)) return out;
  for (const auto& row : sql_rows(db, "SELECT w.name, group_concat(oc.phase || '/' || oc.kind || '/' || oc.outcome || "
                                      "'=' || oc.states, ';') FROM (SELECT * FROM outcome_count ORDER BY phase, kind, "
                                      "outcome) oc JOIN workload w ON w.id = oc.workload_id GROUP BY w.id")) {
    const auto bar = row.find('|');
    out[row.substr(0, bar)] = row.substr(bar + 1);
  }
  return out;
}

bool finished(const std::string& db) {
  return has_schema(db) && sql_int(db, "SELECT count(*) FROM campaign WHERE status = 'finished'") > 0;
}

void remove_database(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}

TEST(CampaignKill, SigkillAtRandomMomentsLosesNothingCommittedAndResumeContinues) {
  TempDir dir;
  const std::string ref_db = dir.file("ref.db"), db = dir.file("killed.db");
  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(run_stablecut(dir, campaign_args(ref_db, {"--workloads", kWorkloads, "--jobs", "2"})).rc, 0);
  const auto reference_us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
  const auto reference = per_workload(ref_db);
  ASSERT_EQ(reference.size(), 48u);

  Prng prng(20240601);
  int kills = 0;
  for (int attempt = 0; attempt < 200 && kills < 20; ++attempt) {
    if (finished(db)) remove_database(db);
    const bool started = has_schema(db) && sql_int(db, "SELECT count(*) FROM campaign") > 0;
    auto extra = std::vector<std::string>{"--workloads", kWorkloads, "--jobs", "2"};
    if (started) extra.push_back("--resume");
    const pid_t pid = spawn_stablecut(campaign_args(db, extra));
    usleep(static_cast<useconds_t>(1000 + prng.below(static_cast<uint64_t>(reference_us.count()))));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) ++kills;
    else ASSERT_EQ(WEXITSTATUS(status), 0) << "attempt " << attempt;
    if (!std::filesystem::exists(db)) continue;  // killed before it created the database
    std::string problem;
    ASSERT_TRUE(results::integrity_ok(db, &problem)) << "after kill " << kills << ": " << problem;
    for (const auto& [name, counts] : per_workload(db)) EXPECT_EQ(counts, reference.at(name)) << name;
  }
  EXPECT_GE(kills, 20);
  if (!finished(db)) {
    auto extra = std::vector<std::string>{"--workloads", kWorkloads, "--jobs", "2"};
    if (has_schema(db) && sql_int(db, "SELECT count(*) FROM campaign") > 0) extra.push_back("--resume");
    const RunResult r = run_stablecut(dir, campaign_args(db, extra));
    ASSERT_EQ(r.rc, 0) << r.out << r.err;
  }
  EXPECT_EQ(per_workload(db), reference);
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM campaign"), 1);
  EXPECT_TRUE(results::integrity_ok(db));
}

}  // namespace

}  // namespace sc::campaign::testing

// kill_test.cpp — SIGKILL a running campaign at seeded random moments (at
// least 20 real kills); after each, the database passes integrity_check,
// every committed workload is complete (its outcome counts equal those of an
// uninterrupted reference run), and --resume continues; the final resumed
// campaign equals the reference.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "injector/results/results_db.h"
#include "kernel/core/prng.h"
#include "process.h"

namespace sc::campaign::testing {

namespace {

constexpr const char* kWorkloads = "48";

// workload name -> "phase/kind/outcome=states;..." of its outcome counts.
std::map<std::string, std::string> per_workload(const std::string& db) {
  std::map<std::string, std::string> out;
  for (const auto& row : sql_rows(db, "SELECT w.name, group_concat(oc.phase || '/' || oc.kind || '/' || oc.outcome || "
                                      "'=' || oc.states, ';') FROM (SELECT * FROM outcome_count ORDER BY phase, kind, "
                                      "outcome) oc JOIN workload w ON w.id = oc.workload_id GROUP BY w.id")) {
    const auto bar = row.find('|');
    out[row.substr(0, bar)] = row.substr(bar + 1);
  }
  return out;
}

TEST(CampaignKill, SigkillAtRandomMomentsLosesNothingCommittedAndResumeContinues) {
  TempDir dir;
  const std::string ref_db = dir.file("ref.db"), db = dir.file("killed.db");
  ASSERT_EQ(run_stablecut(dir, campaign_args(ref_db, {"--workloads", kWorkloads, "--jobs", "2"})).rc, 0);
  const auto reference = per_workload(ref_db);
  ASSERT_EQ(reference.size(), 48u);

  Prng prng(20240601);
  int kills = 0;
  for (int attempt = 0; attempt < 60 && kills < 20; ++attempt) {
    const bool started = std::filesystem::exists(db) && sql_int(db, "SELECT count(*) FROM campaign") > 0;
    auto extra = std::vector<std::string>{"--workloads", kWorkloads, "--jobs", "2"};
    if (started) extra.push_back("--resume");
    const pid_t pid = spawn_stablecut(campaign_args(db, extra));
    usleep(static_cast<useconds_t>(20000 + prng.below(300000)));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) ++kills;
    else ASSERT_EQ(WEXITSTATUS(status), 0) << "attempt " << attempt;
    if (!std::filesystem::exists(db)) continue;  // killed before it created the database
    std::string problem;
    ASSERT_TRUE(results::integrity_ok(db, &problem)) << "after kill " << kills << ": " << problem;
    for (const auto& [name, counts] : per_workload(db)) EXPECT_EQ(counts, reference.at(name)) << name;
    if (sql_int(db, "SELECT count(*) FROM campaign WHERE status = 'finished'") > 0) break;
  }
  EXPECT_GE(kills, 20);
  if (sql_int(db, "SELECT count(*) FROM campaign WHERE status = 'finished'") == 0) {
    const RunResult r = run_stablecut(dir, campaign_args(db, {"--workloads", kWorkloads, "--jobs", "2", "--resume"}));
    ASSERT_EQ(r.rc, 0) << r.out << r.err;
  }
  EXPECT_EQ(per_workload(db), reference);
  EXPECT_EQ(sql_int(db, "SELECT count(*) FROM campaign"), 1);
  EXPECT_TRUE(results::integrity_ok(db));
}

}  // namespace

}  // namespace sc::campaign::testing

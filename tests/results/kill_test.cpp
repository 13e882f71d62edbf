// kill_test.cpp — a campaign SIGKILLed while recording: a child process
// records workloads in a loop and is killed at an arbitrary instant; every
// workload then visible must be whole (all its counts, kept states and
// failure hits), failure counts must match their hits, and the database must
// pass integrity_check and accept new records.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "dataset.h"
#include "injector/results/sqlite.h"

namespace sc::results::testing {
namespace {

constexpr std::uint64_t kSampledStates = 300;  // widens each transaction

WorkloadRecord big_workload(int i) {
  WorkloadRecord w = w1();
  w.name = "k" + std::to_string(i);
  for (std::uint64_t cut = 0; cut < kSampledStates; ++cut)
    w.states.push_back(StateRow{cut, Phase::RUN, StateKind::prefix, "s", Outcome::ok_current, 0, 1, "", cut});
  return w;
}

[[noreturn]] void record_forever(const std::filesystem::path& path) {
  try {
    ResultsDb db = ResultsDb::open(path, OpenMode::create);
    const Campaign c = db.begin_campaign(nightly_spec(0));
    for (int i = 0;; ++i) db.record_workload(c.id, big_workload(i));
  } catch (...) {
    _exit(3);
  }
}

std::int64_t visible_workloads(const std::filesystem::path& path) {
  try {
    ResultsDb db = ResultsDb::open(path, OpenMode::read_only);
    Statement st(db.connection(), "SELECT count(*) FROM workload");
    st.step();
    return st.column_int(0);
  } catch (const DbError&) {
    return 0;  // not created or migrated yet
  }
}

std::int64_t scalar(const ResultsDb& db, const std::string& sql) {
  Statement st(db.connection(), sql);
  st.step();
  return st.column_int(0);
}

TEST(ResultsKill, SigkillMidCampaignLeavesOnlyWholeWorkloads) {
  TempDir dir;
  const auto path = dir.file("killed.db");
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) record_forever(path);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (visible_workloads(path) < 5 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(7));
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "child exited with " << WEXITSTATUS(status);

  ResultsDb db = ResultsDb::open(path, OpenMode::read_write);
  const std::int64_t workloads = scalar(db, "SELECT count(*) FROM workload");
  ASSERT_GE(workloads, 5);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM outcome_count"), workloads * 4);
  EXPECT_EQ(scalar(db, "SELECT sum(states) FROM outcome_count"), workloads * 21);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM crash_state"),
            workloads * static_cast<std::int64_t>(3 + kSampledStates));
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM failure_hit"), workloads);
  EXPECT_EQ(db.failure_by_signature(kMix)->count, static_cast<std::uint64_t>(workloads) * 2);
  std::string problem;
  EXPECT_TRUE(integrity_ok(path, &problem)) << problem;
  const Campaign c = db.campaigns().at(0);
  db.record_workload(c.id, big_workload(static_cast<int>(workloads)));
  EXPECT_EQ(db.complete_workloads(c.id).size(), static_cast<std::size_t>(workloads) + 1);
}

}  // namespace
}  // namespace sc::results::testing

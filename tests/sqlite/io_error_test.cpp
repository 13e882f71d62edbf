// io_error_test.cpp — the io-error fault class on SQLite: the workload is
// recorded again with one request of a transaction failing (the statement
// that issued it fails, SQLite rolls back, the run goes on; a failed COMMIT
// is a failed attempt), and the prefix states of that run are judged.
// wal/full and truncate/full stay legal and every faulted run goes on
// without a run error; some drawn failures hit a COMMIT; a finding's state
// (synchronous=off) is rebuilt by find_state() from its name; and the
// failing request of a replay name must be one the run sends.
#include <gtest/gtest.h>

#include "injector/check/io_error_explore.h"
#include "injector/sqlite/explore.h"
#include "injector/sqlite/workload_driver.h"
#include "tests/sqlite/kind_count.h"
#include "tests/support/run_binary.h"

namespace sc::sqlite {
namespace {

crash::EnumeratorOptions io_errors() {
  crash::EnumeratorOptions o;
  o.modes = crash::only(crash::Mode::io_error);
  o.seed = 1;
  return o;
}

class SyncedUnderIoError : public testing::TestWithParam<Journal> {};

TEST_P(SyncedUnderIoError, EveryStateOfEveryFaultedRunIsLegal) {
  const SqliteRecording clean = record_workload(Settings{GetParam(), Synchronous::full, 6, 1});
  const SqliteExploreResult r = explore_sqlite(clean, io_errors(), UINT64_MAX, nullptr);
  EXPECT_GT(of_kind(r, crash::Mode::io_error), 100u);
  EXPECT_EQ(r.illegal, 0u) << (r.failures.empty() ? "" : r.failures[0].signature + ": " + r.failures[0].verdict.detail);
  EXPECT_TRUE(r.run_findings.empty()) << r.run_findings[0];
}

INSTANTIATE_TEST_SUITE_P(SqliteIoError, SyncedUnderIoError, testing::Values(Journal::wal, Journal::truncate),
                         [](const auto& info) { return std::string(journal_name(info.param)); });

TEST(SqliteIoError, SomeDrawnFailuresMakeACommitAFailedAttempt) {
  const Settings s{Journal::wal, Synchronous::full, 6, 1};
  const SqliteRecording clean = record_workload(s);
  size_t failed_attempts = 0;
  for (uint64_t seed = 1; seed <= 4; ++seed)
    for (const crash::Fault& fault : draw_io_errors(clean.trace, std::span(clean.spans).subspan(1), seed))
      for (const StabilisationSpan& span : record_workload(s, &fault).spans) failed_attempts += span.failed ? 1 : 0;
  EXPECT_GT(failed_attempts, 0u);
}

TEST(SqliteIoError, AFindingIsRebuiltFromItsName) {
  const Settings s{Journal::delete_, Synchronous::off, 6, 1};
  const SqliteExploreResult r = explore_sqlite(record_workload(s), io_errors(), UINT64_MAX, nullptr);
  ASSERT_GT(r.illegal, 0u);
  for (const SqliteFailure& f : r.failures) {
    ASSERT_TRUE(f.name.io_error);
    const auto again = find_state(record_workload(s), io_errors(), f.name);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->state, f.state);
    EXPECT_EQ(again->signature, f.signature);
  }
}

TEST(SqliteIoError, AReplayNameWhoseRequestTheRunNeverSendsIsAnInputError) {
  const auto r = test::run_binary(
      STABLECUT_BIN, "sqlite --journal wal --synchronous full --transactions 2 --replay-state 5:0@1000000:0", true);
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("the run sends only"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace sc::sqlite

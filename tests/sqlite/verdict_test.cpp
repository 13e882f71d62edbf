// verdict_test.cpp — SQLite's documented guarantees, held against every
// crash state of a small workload under the power-cut modes (prefix,
// reorder, torn): delete/extra, truncate/full, persist/full and wal/full
// recover legally; delete/full and wal/normal may lose the last commits but
// never corrupt; synchronous=off and journal_mode=off are found, and
// find_state() rebuilds a finding's state with the same verdict.
#include <gtest/gtest.h>

#include "injector/sqlite/explore.h"
#include "injector/sqlite/workload_driver.h"

namespace sc::sqlite {
namespace {

crash::EnumeratorOptions small_enumeration(uint64_t seed) {
  crash::EnumeratorOptions o;
  o.modes = crash::power_cut_modes();
  o.k = 1;
  o.samples_per_cut = 2;
  o.torn_samples_per_write = 2;
  o.seed = seed;
  return o;
}

SqliteExploreResult explore(const Settings& s) {
  return explore_sqlite(record_workload(s), small_enumeration(s.seed), UINT64_MAX, nullptr);
}

uint64_t count(const SqliteExploreResult& r, Outcome o) {
  uint64_t n = 0;
  for (uint64_t k : r.counts[static_cast<size_t>(o)]) n += k;
  return n;
}

std::string findings(const SqliteExploreResult& r) {
  std::string out;
  for (const auto& f : r.failures) out += f.signature + " at " + std::to_string(f.name.cut) + ":" +
                                          std::to_string(f.name.index) + " (" + f.verdict.detail + "); ";
  return out;
}

// Three transactions: the third is large enough to spill the page cache.
class SyncedSetting : public testing::TestWithParam<std::pair<Journal, Synchronous>> {};

TEST_P(SyncedSetting, RecoversEveryPowerCutLegally) {
  const SqliteExploreResult r = explore(Settings{GetParam().first, GetParam().second, 3, 3});
  EXPECT_GT(r.states, 100u);
  EXPECT_EQ(r.illegal, 0u) << findings(r);
  EXPECT_GT(count(r, Outcome::ok_previous), 0u);  // cuts inside a commit do roll back
  EXPECT_GT(count(r, Outcome::ok_current), 0u);
}

INSTANTIATE_TEST_SUITE_P(SqliteVerdicts, SyncedSetting,
                         testing::Values(std::pair{Journal::delete_, Synchronous::extra},
                                         std::pair{Journal::truncate, Synchronous::full},
                                         std::pair{Journal::persist, Synchronous::full},
                                         std::pair{Journal::wal, Synchronous::full}),
                         [](const auto& info) {
                           return std::string(journal_name(info.param.first)) + "_" +
                                  synchronous_name(info.param.second);
                         });

// SQLite documents that synchronous=FULL in DELETE mode does not sync the
// directory after unlinking the journal (EXTRA does): a cut right after a
// commit returned may find the journal again and roll the commit back. Lost,
// never corrupt.
TEST(SqliteVerdicts, DeleteJournalWithFullSyncMayLoseTheLastCommitButNeverCorrupts) {
  const SqliteExploreResult r = explore(Settings{Journal::delete_, Synchronous::full, 3, 3});
  EXPECT_EQ(count(r, Outcome::corrupt), 0u) << findings(r);
  EXPECT_GT(count(r, Outcome::lost), 0u);
  for (const auto& f : r.failures) EXPECT_EQ(f.verdict.outcome, Outcome::lost) << findings(r);
}

TEST(SqliteVerdicts, WalWithNormalSyncMayLoseCommitsButNeverCorrupts) {
  const SqliteExploreResult r = explore(Settings{Journal::wal, Synchronous::normal, 3, 3});
  EXPECT_EQ(count(r, Outcome::corrupt), 0u) << findings(r);
  EXPECT_GT(count(r, Outcome::lost), 0u);  // commits may roll back: NORMAL syncs the WAL only at checkpoints
}

TEST(SqliteVerdicts, SynchronousOffIsFoundAndItsStateReplaysWithTheSameVerdict) {
  const Settings s{Journal::delete_, Synchronous::off, 3, 3};
  const SqliteRecording rec = record_workload(s);
  const SqliteExploreResult r = explore_sqlite(rec, small_enumeration(s.seed), UINT64_MAX, nullptr);
  ASSERT_GT(r.illegal, 0u);
  for (const auto& f : r.failures) {
    const auto again = find_state(record_workload(s), small_enumeration(s.seed), f.name);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->state, f.state);
    EXPECT_EQ(again->verdict.outcome, f.verdict.outcome);
    EXPECT_EQ(again->signature, f.signature);
  }
}

TEST(SqliteVerdicts, JournalOffIsFound) {
  const SqliteExploreResult r = explore(Settings{Journal::off, Synchronous::full, 3, 3});
  EXPECT_GT(r.illegal, 0u);
}

}  // namespace
}  // namespace sc::sqlite

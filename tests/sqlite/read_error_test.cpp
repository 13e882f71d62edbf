// read_error_test.cpp — the read-error fault class on SQLite: for every
// prefix state, sectors that opening and checking the database reads fail.
// SQLite (wal/full) either refuses cleanly (detected) or returns the content
// of a legal commit, never wrong data; the read-error states of a cut come
// after its enumerated states, so those keep their names; and find_state()
// rebuilds a read-error state, its failing sector and its verdict from its
// name.
#include <gtest/gtest.h>

#include "injector/sqlite/explore.h"
#include "injector/sqlite/workload_driver.h"
#include "tests/sqlite/kind_count.h"

namespace sc::sqlite {
namespace {

crash::EnumeratorOptions modes(std::initializer_list<crash::Mode> list) {
  crash::EnumeratorOptions o;
  o.modes.reset();
  for (crash::Mode m : list) o.modes.set(static_cast<size_t>(m));
  o.seed = 5;
  return o;
}

const Settings kWalFull{Journal::wal, Synchronous::full, 3, 3};

TEST(SqliteReadError, SqliteRefusesOrReturnsALegalCommitNeverWrongData) {
  const SqliteExploreResult r =
      explore_sqlite(record_workload(kWalFull), modes({crash::Mode::prefix, crash::Mode::read_error}), UINT64_MAX,
                     nullptr);
  EXPECT_GT(of_kind(r, crash::Mode::read_error), 50u);
  EXPECT_EQ(r.illegal, 0u) << (r.failures.empty() ? "" : r.failures[0].signature + ": " + r.failures[0].verdict.detail);
  EXPECT_GT(r.counts[static_cast<size_t>(Outcome::detected)][static_cast<size_t>(crash::Mode::read_error)], 0u)
      << "no failing read reached SQLite";
}

TEST(SqliteReadError, StatesAreNamedAfterTheEnumeratedOnesOfTheirCutAndReplayFromTheName) {
  const SqliteRecording rec = record_workload(kWalFull);
  const auto plain = modes({crash::Mode::prefix});
  const auto with_errors = modes({crash::Mode::prefix, crash::Mode::read_error});
  size_t checked = 0;
  for (size_t cut = 0; cut <= rec.trace.requests().size() && checked < 6; cut += 7) {
    size_t index = 0;
    while (const auto enumerated = find_state(rec, plain, StateName{cut, index, std::nullopt})) {
      const auto same = find_state(rec, with_errors, StateName{cut, index, std::nullopt});
      ASSERT_TRUE(same);
      EXPECT_EQ(same->state, enumerated->state) << cut << ":" << index;
      ++index;
    }
    const auto first = find_state(rec, with_errors, StateName{cut, index, std::nullopt});
    if (!first) continue;
    ASSERT_EQ(first->state.kind, crash::Mode::read_error) << cut << ":" << index;
    ASSERT_EQ(first->state.faults.size(), 1u);
    const auto again = find_state(record_workload(kWalFull), with_errors, StateName{cut, index, std::nullopt});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->state, first->state);
    EXPECT_EQ(outcome_name(again->verdict.outcome), outcome_name(first->verdict.outcome));
    ++checked;
  }
  EXPECT_GT(checked, 0u);
}

}  // namespace
}  // namespace sc::sqlite

// replay_test.cpp — `replay --db FILE --case ID` rebuilds the very crash
// state the campaign kept (its workload's original trace, cut and kept
// writes, checked against the stored image fingerprint) for every kept
// state, including those of later sightings that have no case file, and
// gives the stored outcome; --minimized replays the failure's reproducer
// instead (here the case as first found: --no-minimize keeps the test short). A tampered fingerprint, a malformed state key and a campaign
// without stored options are one-line errors with exit 2. States of the
// io-error and read-error fault modes are rebuilt with their faults.
#include <gtest/gtest.h>

#include "process.h"

namespace sc::campaign::testing {

namespace {

struct KeptRow {
  std::string id, cut, kind, key, outcome, requests, repro;
};

std::vector<KeptRow> kept_rows(const std::string& db) {
  std::vector<KeptRow> rows;
  for (const auto& r : sql_rows(db, "SELECT s.id, s.cut_index, s.kind, s.state_key, s.outcome, w.request_count, "
                                    "f.repro_trace FROM crash_state s JOIN workload w ON w.id = s.workload_id "
                                    "JOIN failure f ON f.id = s.failure_id ORDER BY s.id")) {
    std::vector<std::string> f;
    size_t from = 0;
    for (size_t bar = r.find('|'); bar != std::string::npos; from = bar + 1, bar = r.find('|', from))
      f.push_back(r.substr(from, bar - from));
    f.push_back(r.substr(from));
    rows.push_back(KeptRow{f[0], f[1], f[2], f[3], f[4], f[5], f[6]});
  }
  return rows;
}

class CampaignReplay : public ::testing::Test {
 protected:
  void SetUp() override {
    const RunResult r = run_stablecut(
        dir, {"campaign", "--db", db, "--corpus", STABLECUT_TEST_CORPUS, "--modes", "prefix,torn", "--workloads", "3",
              "--jobs", "2", "--bug", "shadow-skip-flush", "--no-minimize"});
    ASSERT_EQ(r.rc, 1) << r.out << r.err;
    rows = kept_rows(db);
    ASSERT_GE(rows.size(), 4u);
  }
  TempDir dir;
  std::string db = dir.file("r.db");
  std::vector<KeptRow> rows;
};

TEST_F(CampaignReplay, CaseRebuildsTheKeptStateExactly) {
  for (const KeptRow& row : rows) {
    const RunResult r = run_stablecut(dir, {"replay", "--db", db, "--case", row.id});
    EXPECT_EQ(r.rc, 1) << r.out << r.err;
    EXPECT_NE(r.out.find(row.key + "; rebuilt exactly"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("cut " + row.cut + " of " + row.requests + " (" + row.kind + " state)"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("verdict: " + row.outcome + " (ILLEGAL)"), std::string::npos) << r.out;
  }
}

TEST_F(CampaignReplay, MinimizedReplaysTheFailuresReproducer) {
  const KeptRow& row = rows.back();
  const RunResult r = run_stablecut(dir, {"replay", "--db", db, "--case", row.id, "--minimized"});
  EXPECT_EQ(r.rc, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("replaying " + row.repro + ": "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("rebuilt exactly"), std::string::npos) << r.out;
  expect_one_line_exit_2(dir, {"replay", "--db", db, "--failure", "1", "--minimized"}, "--minimized");
}

TEST_F(CampaignReplay, MismatchOrMissingStoredDataIsAnError) {
  sql_exec(db, "UPDATE crash_state SET image_fingerprint = '0x0000000000000001' WHERE id = " + rows[0].id);
  expect_one_line_exit_2(dir, {"replay", "--db", db, "--case", rows[0].id}, "the campaign checked 0x0000000000000001");
  sql_exec(db, "UPDATE crash_state SET state_key = 'cut=1 kind=sideways kept=' WHERE id = " + rows[1].id);
  expect_one_line_exit_2(dir, {"replay", "--db", db, "--case", rows[1].id}, "state_key");
  sql_exec(db, "UPDATE campaign SET options = NULL");
  expect_one_line_exit_2(dir, {"replay", "--db", db, "--case", rows[2].id}, "--minimized");
  EXPECT_EQ(run_stablecut(dir, {"replay", "--db", db, "--case", rows[2].id, "--minimized"}).rc, 1);
}

// A state of a run-time fault (io-error: the run was recorded again with a
// request failing) or a recovery-time one (read-error: a sector read fails)
// is rebuilt with its fault, so it gives the stored outcome again.
TEST(CampaignReplayFaults, CaseRebuildsKeptFaultStatesWithTheirFaults) {
  const std::pair<const char*, const char*> cases[] = {{"io-error", "shadow-ignore-flush-error"},
                                                       {"read-error", "shadow-zero-unreadable"}};
  for (const auto& [mode, bug] : cases) {
    TempDir dir;
    const std::string db = dir.file("r.db");
    const RunResult r = run_stablecut(dir, {"campaign", "--db", db, "--corpus", STABLECUT_TEST_CORPUS, "--modes", mode,
                                            "--workloads", "2", "--bug", bug, "--no-minimize"});
    ASSERT_EQ(r.rc, 1) << mode << ": " << r.out << r.err;
    const std::vector<KeptRow> rows = kept_rows(db);
    ASSERT_FALSE(rows.empty()) << mode;
    for (const KeptRow& row : rows) {
      EXPECT_EQ(row.kind, mode);
      const RunResult replay = run_stablecut(dir, {"replay", "--db", db, "--case", row.id});
      EXPECT_EQ(replay.rc, 1) << replay.out << replay.err;
      EXPECT_NE(replay.out.find(row.key + "; rebuilt exactly"), std::string::npos) << replay.out;
      EXPECT_NE(replay.out.find("verdict: " + row.outcome + " (ILLEGAL)"), std::string::npos) << replay.out;
    }
  }
}

}  // namespace

}  // namespace sc::campaign::testing

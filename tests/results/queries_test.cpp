// queries_test.cpp — every example query of results/queries.sql runs on the
// hand-made dataset (dataset.h) and gives the expected first row.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <sstream>

#include "dataset.h"
#include "injector/results/sqlite.h"

namespace sc::results::testing {
namespace {

std::string read_file(const char* path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct QueryResult {
  std::vector<std::vector<std::string>> rows;
};

// Runs each statement of `sql` in turn, collecting its rows as text.
std::vector<QueryResult> run_script(const Connection& conn, const std::string& sql) {
  std::vector<QueryResult> results;
  const char* tail = sql.c_str();
  while (*tail != '\0') {
    sqlite3_stmt* raw = nullptr;
    conn.check(sqlite3_prepare_v2(conn.handle(), tail, -1, &raw, &tail));
    if (raw == nullptr) break;  // only comments or whitespace left
    QueryResult result;
    int rc;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(raw); ++i) {
        const auto* text = sqlite3_column_text(raw, i);
        row.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "NULL");
      }
      result.rows.push_back(std::move(row));
    }
    sqlite3_finalize(raw);
    conn.check(rc);
    results.push_back(std::move(result));
  }
  return results;
}

TEST(ResultsQueries, ExampleQueriesRunOnPopulatedDatabase) {
  TempDir dir;
  ResultsDb db = ResultsDb::open(dir.file("q.db"), OpenMode::create);
  record_all(db);
  const std::string sql = read_file(STABLECUT_QUERIES_SQL);
  ASSERT_FALSE(sql.empty());
  const auto results = run_script(db.connection(), sql);
  ASSERT_EQ(results.size(), 3U);

  // 1. The last campaign is qemu-check: RUN ok_current 20, DISCARD hang 1.
  ASSERT_EQ(results[0].rows.size(), 2U);
  EXPECT_EQ(results[0].rows[0], (std::vector<std::string>{"RUN", "ok_current", "20"}));
  EXPECT_EQ(results[0].rows[1], (std::vector<std::string>{"DISCARD", "hang", "1"}));

  // 2. The top signature is the torn root-page copy, seen 3 times.
  ASSERT_EQ(results[1].rows.size(), 4U);
  EXPECT_EQ(results[1].rows[0][0], kMix);
  EXPECT_EQ(results[1].rows[0][1], "3");
  EXPECT_EQ(results[1].rows[0][3], "2026-01-01 12:00:00");

  // 3. One row per campaign and day; w1 checked 21 states in 2 s.
  ASSERT_EQ(results[2].rows.size(), 3U);
  EXPECT_EQ(results[2].rows[0], (std::vector<std::string>{"nightly", "0/2", "inproc", "2026-01-01", "21", "2.0",
                                                          "10.5"}));
}

}  // namespace
}  // namespace sc::results::testing

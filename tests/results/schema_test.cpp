// schema_test.cpp — opening databases: create, migrate from version 1 and
// from version 2 (stored options and image fingerprints added, old rows
// kept without them), reopen, and the one-line refusals (newer schema,
// non-database file, foreign SQLite database, truncated or corrupt file).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "dataset.h"
#include "injector/results/schema.h"
#include "injector/results/sqlite.h"

namespace sc::results::testing {
namespace {

// Runs SQL on a file with raw SQLite, bypassing the library's checks.
void raw_exec(const std::filesystem::path& path, const std::string& sql) {
  Connection conn(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  conn.exec(sql);
}

std::int64_t raw_int(const std::filesystem::path& path, const std::string& sql) {
  Connection conn(path, SQLITE_OPEN_READONLY);
  Statement st(conn, sql);
  EXPECT_TRUE(st.step());
  return st.column_int(0);
}

// Expects open() to throw DbError "<path>: ..." containing `what`, on one line.
void expect_refused(const std::filesystem::path& path, OpenMode mode, const std::string& what) {
  try {
    ResultsDb::open(path, mode);
    ADD_FAILURE() << "opened " << path;
  } catch (const DbError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind(path.string() + ": ", 0), 0U) << message;
    EXPECT_NE(message.find(what), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
}

std::filesystem::path populated(const TempDir& dir) {
  const auto path = dir.file("full.db");
  ResultsDb db = ResultsDb::open(path, OpenMode::create);
  record_all(db);
  return path;  // closing the last connection checkpoints and removes the WAL
}

TEST(ResultsSchema, MigrationsAreNumberedInOrder) {
  ASSERT_GE(migrations().size(), 2U);
  for (std::size_t i = 0; i < migrations().size(); ++i) {
    EXPECT_EQ(migrations()[i].version, static_cast<std::int64_t>(i) + 1);
    EXPECT_FALSE(migrations()[i].sql.empty());
  }
  EXPECT_EQ(current_schema_version(), migrations().back().version);
}

TEST(ResultsSchema, CreateSetsVersionWalAndForeignKeys) {
  TempDir dir;
  ResultsDb db = ResultsDb::open(dir.file("new.db"), OpenMode::create);
  EXPECT_EQ(db.schema_version(), current_schema_version());
  EXPECT_EQ(db.connection().pragma_int("application_id"), kApplicationId);
  EXPECT_EQ(db.connection().pragma_int("foreign_keys"), 1);
  Statement mode(db.connection(), "PRAGMA journal_mode");
  ASSERT_TRUE(mode.step());
  EXPECT_EQ(mode.column_text(0), "wal");
}

TEST(ResultsSchema, ReopenKeepsData) {
  TempDir dir;
  const auto path = populated(dir);
  ResultsDb db = ResultsDb::open(path, OpenMode::read_write);
  EXPECT_EQ(db.campaigns().size(), 3U);
  ResultsDb ro = ResultsDb::open(path, OpenMode::read_only);
  EXPECT_EQ(ro.failures().size(), 4U);
}

TEST(ResultsSchema, MigratesVersionOneKeepingData) {
  TempDir dir;
  const auto path = dir.file("v1.db");
  raw_exec(path, migrations()[0].sql + "PRAGMA user_version = 1;");
  raw_exec(path,
           "INSERT INTO campaign(uuid, name, tier, manager, master_seed, shard_index, shard_count, started_at, "
           "command_line, status, version) VALUES ('u-1', 'old', 'inproc', 'smm', '0x0000000000000007', 0, 1, 1, "
           "'stablecut campaign', 'running', '0.0.1')");
  expect_refused(path, OpenMode::read_only, "schema version 1 is older");
  ResultsDb db = ResultsDb::open(path, OpenMode::read_write);
  EXPECT_EQ(db.schema_version(), current_schema_version());
  ASSERT_TRUE(db.campaign_by_uuid("u-1").has_value());
  EXPECT_EQ(db.campaign_by_uuid("u-1")->spec.master_seed, 7U);
  EXPECT_EQ(raw_int(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'workload_by_day'"), 1);
}

TEST(ResultsSchema, MigratesVersionTwoKeepingRowsWithoutOptionsOrFingerprints) {
  TempDir dir;
  const auto path = dir.file("v2.db");
  ASSERT_GE(current_schema_version(), 3);
  raw_exec(path, migrations()[0].sql + migrations()[1].sql + "PRAGMA user_version = 2;");
  raw_exec(path,
           "INSERT INTO campaign(uuid, name, tier, manager, master_seed, shard_index, shard_count, started_at, "
           "command_line, status, version) VALUES ('u-2', 'old', 'inproc', 'all', '0x0000000000000005', 0, 1, 1, "
           "'stablecut campaign --bug shadow-skip-flush', 'interrupted', '0.1.0');"
           "INSERT INTO workload(campaign_id, name, origin, corpus_path, workload_json, seed, request_count, record_s, "
           "enumerate_s, check_s, recorded_at, status) VALUES (1, '000000-tiny', 'corpus', 'corpus/tiny.json', '{}', "
           "'0x0000000000000005', 12, 0.1, 0, 0.2, 2, 'complete');"
           "INSERT INTO failure(signature, source, phase, outcome, first_seen, last_seen, count) VALUES "
           "('ROOT_COPY/lost/x', 'crash_state', 'ROOT_COPY', 'lost', 2, 2, 1);"
           "INSERT INTO failure_hit(workload_id, failure_id, count) VALUES (1, 1, 1);"
           "INSERT INTO crash_state(workload_id, cut_index, phase, kind, state_key, outcome, fsck_violations, "
           "check_us, failure_id) VALUES (1, 7, 'ROOT_COPY', 'prefix', 'cut=7 kind=prefix kept=', 'lost', 0, 0, 1)");
  expect_refused(path, OpenMode::read_only, "schema version 2 is older");
  ResultsDb db = ResultsDb::open(path, OpenMode::read_write);
  EXPECT_EQ(db.schema_version(), current_schema_version());
  const Campaign old = *db.campaign_by_uuid("u-2");
  EXPECT_EQ(old.spec.master_seed, 5U);
  EXPECT_FALSE(old.spec.options.has_value());
  EXPECT_EQ(db.find_resumable_campaign({"old", 0, 1})->id, old.id);
  const CrashCase c = db.crash_case(1);
  EXPECT_EQ(c.state_key, "cut=7 kind=prefix kept=");
  EXPECT_EQ(c.failure_id, 1);
  EXPECT_FALSE(c.image_fingerprint.has_value());
  EXPECT_FALSE(c.campaign_options.has_value());
  CampaignSpec spec = nightly_spec(0);
  const Campaign fresh = db.begin_campaign(spec);
  EXPECT_EQ(fresh.spec.options, kNightlyOptions);
  db.record_workload(fresh.id, w1());
  EXPECT_EQ(db.crash_case(2).image_fingerprint, 0xf00d0000U + 30);
  spec.options = "not json";
  EXPECT_THROW(db.begin_campaign(spec), DbError);
  EXPECT_TRUE(integrity_ok(path));
}

TEST(ResultsSchema, RefusesNewerSchema) {
  TempDir dir;
  const auto path = dir.file("future.db");
  ResultsDb::open(path, OpenMode::create);
  raw_exec(path, "PRAGMA user_version = " + std::to_string(current_schema_version() + 1));
  expect_refused(path, OpenMode::read_write,
                 "schema version " + std::to_string(current_schema_version() + 1) + " is newer than this build");
  EXPECT_EQ(raw_int(path, "PRAGMA user_version"), current_schema_version() + 1);  // left untouched
}

TEST(ResultsSchema, RefusesNonDatabaseFile) {
  TempDir dir;
  const auto path = dir.file("notes.db");
  std::ofstream(path) << std::string(40, 'x') << "\nthis is a text file, not a database\n" << std::string(100, 'y');
  expect_refused(path, OpenMode::create, "not a SQLite database");
  const auto tiny = dir.file("tiny.db");
  std::ofstream(tiny) << "hello";
  expect_refused(tiny, OpenMode::read_only, "not a SQLite database");
}

TEST(ResultsSchema, RefusesForeignSqliteDatabase) {
  TempDir dir;
  const auto path = dir.file("other.db");
  raw_exec(path, "CREATE TABLE t(x)");
  expect_refused(path, OpenMode::read_write, "not a stablecut results database");
}

TEST(ResultsSchema, RefusesMissingFileUnlessCreating) {
  TempDir dir;
  expect_refused(dir.file("absent.db"), OpenMode::read_only, "no such file");
  expect_refused(dir.file("absent.db"), OpenMode::read_write, "no such file");
}

TEST(ResultsSchema, RefusesTruncatedFile) {
  TempDir dir;
  const auto path = populated(dir);
  ASSERT_FALSE(std::filesystem::exists(path.string() + "-wal"));
  const auto size = std::filesystem::file_size(path);
  const auto page = static_cast<std::uintmax_t>(raw_int(path, "PRAGMA page_size"));
  ASSERT_GE(size, 4 * page);
  std::filesystem::resize_file(path, size - 2 * page);
  expect_refused(path, OpenMode::read_write, "truncated database");
  std::filesystem::resize_file(path, size / 2 + 7);
  expect_refused(path, OpenMode::read_only, "truncated database");
  EXPECT_FALSE(integrity_ok(path));
}

TEST(ResultsSchema, RefusesCorruptSchemaPage) {
  TempDir dir;
  const auto path = populated(dir);
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(100);
    const std::string garbage(200, '\xa5');
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  expect_refused(path, OpenMode::read_write, "malformed");
}

TEST(ResultsSchema, IntegrityOk) {
  TempDir dir;
  const auto path = populated(dir);
  std::string problem;
  EXPECT_TRUE(integrity_ok(path, &problem)) << problem;
  const auto page = static_cast<std::streamoff>(raw_int(path, "PRAGMA page_size"));
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(3 * page);  // a b-tree page of some table
    const std::string garbage(static_cast<std::size_t>(page), '\x5a');
    f.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
  EXPECT_FALSE(integrity_ok(path, &problem));
  EXPECT_EQ(problem.rfind(path.string() + ": ", 0), 0U) << problem;
  EXPECT_FALSE(integrity_ok(dir.file("absent.db"), &problem));
}

}  // namespace
}  // namespace sc::results::testing

// readonly_db_test.cpp — a results database the user cannot write can still
// be read: every read-only command (stats, failures, report, replay --case,
// replay --failure, and merge's inputs) works, run as another user
// (nobody), on a database in a directory that user cannot write: a
// finished campaign's database (WAL mode, no -wal file left, as on a
// read-only mount), and one whose -wal and -shm files are still there (owned
// by the writer, as a campaign killed by SIGKILL leaves them). A plain SQLite
// reader told the database is immutable reads it too. Needs root to switch to
// nobody; skipped otherwise.
#include <gtest/gtest.h>
#include <grp.h>
#include <pwd.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <filesystem>

#include "process.h"

namespace sc::campaign::testing {

namespace {

namespace fs = std::filesystem;

// Drops to nobody (uid and gid, no supplementary groups); false if it cannot.
bool become_nobody() {
  const passwd* pw = getpwnam("nobody");
  return pw != nullptr && setgroups(0, nullptr) == 0 && setresgid(pw->pw_gid, pw->pw_gid, pw->pw_gid) == 0 &&
         setresuid(pw->pw_uid, pw->pw_uid, pw->pw_uid) == 0;
}

// Runs `stablecut args...` as nobody; output through files made by root.
RunResult run_as_nobody(const TempDir& dir, const std::vector<std::string>& args) {
  const std::string out = dir.file("nobody-out.txt"), err = dir.file("nobody-err.txt");
  const pid_t pid = fork();
  if (pid == 0) {
    const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(o, 1);
    dup2(e, 2);
    if (!become_nobody()) _exit(126);
    std::vector<std::string> copy = args;
    std::string bin = STABLECUT_BIN;
    std::vector<char*> argv = {bin.data()};
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return RunResult{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

// As nobody, a plain SQLite reader of file:DB?immutable=1 counts the campaigns.
bool immutable_reader_can_read(const std::string& db) {
  const pid_t pid = fork();
  if (pid == 0) {
    if (!become_nobody()) _exit(126);
    sqlite3* h = nullptr;
    sqlite3_stmt* st = nullptr;
    const std::string uri = "file:" + db + "?immutable=1";
    const bool ok = sqlite3_open_v2(uri.c_str(), &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) == SQLITE_OK &&
                    sqlite3_prepare_v2(h, "SELECT count(*) FROM campaign", -1, &st, nullptr) == SQLITE_OK &&
                    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
    _exit(ok ? 0 : 1);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void make_read_only(const fs::path& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir))
    fs::permissions(e.path(), e.is_directory() ? fs::perms(0555) : fs::perms(0444));
  fs::permissions(dir, fs::perms(0555));
}

class ReadOnlyDb : public ::testing::Test {
 protected:
  void SetUp() override {
    if (geteuid() != 0) GTEST_SKIP() << "needs root, to run the commands as another user (nobody)";
    fs::permissions(dir.path(), fs::perms(0755));  // nobody may enter, not write
    fs::create_directories(ro);
    fs::create_directories(writable);
    fs::permissions(writable, fs::perms(0777));
    const RunResult r = run_stablecut(dir, campaign_args(db, {"--workloads", "2", "--bug", "shadow-skip-flush",
                                                              "--no-minimize", "--jobs", "1"}));
    ASSERT_EQ(r.rc, 1) << r.out << r.err;
    case_id = std::to_string(sql_int(db, "SELECT min(id) FROM crash_state WHERE failure_id IS NOT NULL"));
    failure_id = std::to_string(sql_int(db, "SELECT min(id) FROM failure"));
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(ro, fs::perms(0755), ec);
  }

  // Every read-only command works as nobody on db, in the read-only ro/.
  void expect_every_reader_works() {
    const RunResult stats = run_as_nobody(dir, {"stats", "--db", db, "--by", "phase"});
    EXPECT_EQ(stats.rc, 0) << stats.err;
    EXPECT_NE(stats.out.find("ROOT_COPY"), std::string::npos) << stats.out;
    const RunResult failures = run_as_nobody(dir, {"failures", "--db", db});
    EXPECT_EQ(failures.rc, 0) << failures.err;
    EXPECT_NE(failures.out.find("--failure " + failure_id), std::string::npos) << failures.out;
    const RunResult report = run_as_nobody(dir, {"report", "--db", db, "--out", writable + "/report"});
    EXPECT_EQ(report.rc, 0) << report.err;
    EXPECT_TRUE(fs::exists(writable + "/report/index.html"));
    const RunResult kept = run_as_nobody(dir, {"replay", "--db", db, "--case", case_id});
    EXPECT_EQ(kept.rc, 1) << kept.out << kept.err;
    EXPECT_NE(kept.out.find("(ILLEGAL)"), std::string::npos) << kept.out;
    const RunResult failure = run_as_nobody(dir, {"replay", "--db", db, "--failure", failure_id});
    EXPECT_EQ(failure.rc, 1) << failure.out << failure.err;
    const RunResult merged = run_as_nobody(dir, {"merge", writable + "/merged.db", db});
    EXPECT_EQ(merged.rc, 0) << merged.err;
    EXPECT_EQ(sql_int(writable + "/merged.db", "SELECT count(*) FROM workload"), 2);
    EXPECT_FALSE(fs::exists(db + "-journal"));
  }

  TempDir dir;
  const std::string ro = dir.file("ro");
  const std::string writable = dir.file("w");
  const std::string db = ro + "/results.db";
  std::string case_id, failure_id;
};

TEST_F(ReadOnlyDb, AFinishedCampaignIsReadableWhereTheReaderCannotWrite) {
  ASSERT_EQ(slurp(db).substr(18, 2), std::string("\2\2")) << "the header's read/write versions say WAL";
  sql_exec(db, "PRAGMA user_version");  // a writer closes last (the test's reads above left -wal and -shm)
  ASSERT_FALSE(fs::exists(db + "-wal"));
  make_read_only(ro);
  EXPECT_TRUE(immutable_reader_can_read(db));
  expect_every_reader_works();
  for (const char* suffix : {"-wal", "-shm"}) EXPECT_FALSE(fs::exists(db + suffix)) << "a reader created " << suffix;
}

TEST_F(ReadOnlyDb, ADatabaseWithItsWalFilesLeftIsReadableWhereTheReaderCannotWrite) {
  ASSERT_FALSE(sql_rows(db, "PRAGMA journal_mode").empty());  // a read-only reader leaves -wal and -shm behind
  ASSERT_TRUE(fs::exists(db + "-wal"));
  ASSERT_TRUE(fs::exists(db + "-shm"));
  make_read_only(ro);
  expect_every_reader_works();
}

}  // namespace

}  // namespace sc::campaign::testing

// process.cpp — see process.h.
#include "process.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>

namespace sc::campaign::testing {

namespace {

[[noreturn]] void exec_child(const std::vector<std::string>& args, const std::string& out, const std::string& err) {
  const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  dup2(o, 1);
  dup2(e, 2);
  std::vector<char*> argv;
  std::string bin = STABLECUT_BIN;
  argv.push_back(bin.data());
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(bin.c_str(), argv.data());
  _exit(127);
}

void with_db(const std::string& db, const std::string& sql, const std::function<void(sqlite3_stmt*)>& row) {
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(h);
    throw std::runtime_error(db);
  }
  sqlite3_busy_timeout(h, 2000);  // a running campaign may hold the lock for a moment
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    const std::string msg = sqlite3_errmsg(h);
    sqlite3_close(h);
    throw std::runtime_error(sql + ": " + msg);
  }
  while (sqlite3_step(st) == SQLITE_ROW) row(st);
  sqlite3_finalize(st);
  sqlite3_close(h);
}

}  // namespace

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "stablecut-campaign-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

RunResult run_stablecut(const TempDir& dir, const std::vector<std::string>& args) {
  const std::string out = dir.file("stdout.txt"), err = dir.file("stderr.txt");
  const pid_t pid = fork();
  if (pid == 0) exec_child(args, out, err);
  int status = 0;
  waitpid(pid, &status, 0);
  return RunResult{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

pid_t spawn_stablecut(const std::vector<std::string>& args) { return spawn_stablecut_to(args, "/dev/null", "/dev/null"); }

pid_t spawn_stablecut_to(const std::vector<std::string>& args, const std::string& out, const std::string& err) {
  const pid_t pid = fork();
  if (pid == 0) exec_child(args, out, err);
  return pid;
}

void expect_one_line_exit_2(const TempDir& dir, const std::vector<std::string>& args, const std::string& needle) {
  const RunResult r = run_stablecut(dir, args);
  EXPECT_EQ(r.rc, 2) << args[0] << ": " << r.out << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
}

std::vector<std::string> campaign_args(const std::string& db, const std::vector<std::string>& extra) {
  std::vector<std::string> a = {"campaign", "--db", db, "--corpus", STABLECUT_TEST_CORPUS, "--modes", "prefix"};
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

std::int64_t sql_int(const std::string& db, const std::string& sql) {
  std::int64_t v = 0;
  with_db(db, sql, [&](sqlite3_stmt* st) { v = sqlite3_column_int64(st, 0); });
  return v;
}

void sql_exec(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  const int rc = sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr);
  char* error = nullptr;
  if (rc == SQLITE_OK) sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = rc != SQLITE_OK ? db : error ? sql + ": " + error : "";
  sqlite3_free(error);
  sqlite3_close(h);
  if (!message.empty()) throw std::runtime_error(message);
}

std::vector<std::string> sql_rows(const std::string& db, const std::string& sql) {
  std::vector<std::string> rows;
  with_db(db, sql, [&](sqlite3_stmt* st) {
    std::string r;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      const auto* t = sqlite3_column_text(st, i);
      r += (i ? "|" : "") + std::string(t ? reinterpret_cast<const char*>(t) : "NULL");
    }
    rows.push_back(r);
  });
  return rows;
}

}  // namespace sc::campaign::testing

// process.cpp — see process.h.
#include "process.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

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

}  // namespace

RunResult run_stablecut(const TempDir& dir, const std::vector<std::string>& args) {
  const std::string out = dir.file("stdout.txt"), err = dir.file("stderr.txt");
  const pid_t pid = fork();
  if (pid == 0) exec_child(args, out, err);
  int status = 0;
  waitpid(pid, &status, 0);
  return RunResult{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

std::string seeded_bug_case(const TempDir& dir, const std::string& workload) {
  const RunResult found =
      run_stablecut(dir, {"run", "--workload", workload, "--bug", "shadow-skip-flush", "--cases-dir", dir.file("c")});
  EXPECT_EQ(found.rc, 1) << found.out;
  const size_t at = found.out.find("case: ");
  if (at == std::string::npos) {
    ADD_FAILURE() << "no case file printed:\n" << found.out;
    return "";
  }
  return found.out.substr(at + 6, found.out.find('\n', at) - at - 6);
}

pid_t spawn_stablecut(const std::vector<std::string>& args) { return spawn_stablecut_to(args, "/dev/null", "/dev/null"); }

pid_t spawn_stablecut_to(const std::vector<std::string>& args, const std::string& out, const std::string& err) {
  const pid_t pid = fork();
  if (pid == 0) exec_child(args, out, err);
  return pid;
}

pid_t spawn_stablecut_job(const std::vector<std::string>& args, const std::string& out, const std::string& err) {
  const pid_t pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    exec_child(args, out, err);
  }
  setpgid(pid, pid);  // also from here, so the group exists before the caller signals it
  return pid;
}

std::int64_t committed_workloads(const std::string& db) {
  try {
    return sql_int(db, "SELECT count(*) FROM workload");
  } catch (const std::exception&) {
    return 0;  // not created or not migrated yet
  }
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

}  // namespace sc::campaign::testing

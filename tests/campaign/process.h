// process.h — test helpers: running the real `stablecut` binary (fork/exec,
// output captured to files), starting it in the background to kill it,
// checking a refused run (one line, exit 2), the tiny-corpus campaign flags;
// with the shared TempDir, slurp and SQL helpers of tests/support in scope.
// Invariant: nothing is written outside the TempDir (made by mkdtemp).
#pragma once
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "tests/support/slurp.h"
#include "tests/support/sql.h"
#include "tests/support/temp_dir.h"

namespace sc::campaign::testing {

using sc::test::slurp;
using sc::test::sql_exec;
using sc::test::sql_int;
using sc::test::sql_rows;
using sc::test::TempDir;

struct RunResult {
  int rc = -1;
  std::string out;
  std::string err;
};

// Runs `stablecut args...` to completion; output goes through files in dir.
RunResult run_stablecut(const TempDir& dir, const std::vector<std::string>& args);
// Starts `stablecut args...` with output to /dev/null, or to the files
// named; returns its pid.
pid_t spawn_stablecut(const std::vector<std::string>& args);
pid_t spawn_stablecut_to(const std::vector<std::string>& args, const std::string& out, const std::string& err);
// The same, as the leader of a process group of its own, like a job a shell
// runs in the foreground: kill(-pid, SIGINT) is what a Ctrl-C sends.
pid_t spawn_stablecut_job(const std::vector<std::string>& args, const std::string& out, const std::string& err);

// Workloads committed to the results database db (0 before it exists).
std::int64_t committed_workloads(const std::string& db);

// Expects `stablecut args...` to exit 2 with one line on stderr containing
// needle (a non-fatal gtest failure otherwise).
void expect_one_line_exit_2(const TempDir& dir, const std::vector<std::string>& args, const std::string& needle);

// Runs `stablecut run --workload workload --bug shadow-skip-flush` with its
// cases in dir/c and returns the first case file it prints ("" with a gtest
// failure if the run found nothing).
std::string seeded_bug_case(const TempDir& dir, const std::string& workload);

// The tiny-corpus campaign flags shared by the tests.
std::vector<std::string> campaign_args(const std::string& db, const std::vector<std::string>& extra);

}  // namespace sc::campaign::testing

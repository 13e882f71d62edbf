// process.h — test helpers: a private temporary directory, running the real
// `stablecut` binary (fork/exec, output captured to files), starting it in
// the background to kill it, checking a refused run (one line, exit 2),
// reading a file whole, and small SQL helpers over a results database.
// Invariant: nothing is written outside the TempDir (made by mkdtemp).
#pragma once
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace sc::campaign::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

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

// Expects `stablecut args...` to exit 2 with one line on stderr containing
// needle (a non-fatal gtest failure otherwise).
void expect_one_line_exit_2(const TempDir& dir, const std::vector<std::string>& args, const std::string& needle);

// The whole file, or "" if it cannot be read.
std::string slurp(const std::string& path);

// The tiny-corpus campaign flags shared by the tests.
std::vector<std::string> campaign_args(const std::string& db, const std::vector<std::string>& extra);

// First column of the first row of `sql` (an integer), or every row with
// its columns joined by '|'; sql_exec runs statements that change the file.
std::int64_t sql_int(const std::string& db, const std::string& sql);
std::vector<std::string> sql_rows(const std::string& db, const std::string& sql);
void sql_exec(const std::string& db, const std::string& sql);

}  // namespace sc::campaign::testing

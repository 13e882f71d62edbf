// output_paths_test.cpp — where a command writes is checked before its work
// starts, and nothing partial is left: a --cases-dir that is a file (run,
// campaign), a minimize --out that is a directory, a report --out "" are
// one-line errors with exit 2 before any work; a merge with a bad input
// leaves no output database, and minimize leaves no .part file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "process.h"

namespace sc::campaign::testing {

namespace {

namespace fs = std::filesystem;

std::string basic() { return std::string(STABLECUT_CORPUS) + "/basic.json"; }

bool any_part_file(const std::string& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().extension() == ".part") return true;
  return false;
}

TEST(OutputPaths, ACasesDirThatIsAFileIsRefusedBeforeTheWork) {
  TempDir dir;
  const std::string file = dir.file("not-a-dir");
  std::ofstream(file) << "x";
  const RunResult run =
      run_stablecut(dir, {"run", "--workload", basic(), "--bug", "shadow-skip-flush", "--cases-dir", file});
  EXPECT_EQ(run.rc, 2) << run.out << run.err;
  EXPECT_EQ(run.out, "") << "refused before recording";
  EXPECT_NE(run.err.find("--cases-dir '" + file + "': is a file"), std::string::npos) << run.err;
  const std::string db = dir.file("r.db");
  expect_one_line_exit_2(dir, campaign_args(db, {"--workloads", "2", "--bug", "shadow-skip-flush", "--cases-dir", file}),
                         "--cases-dir '" + file + "': is a file");
  EXPECT_FALSE(fs::exists(db)) << "refused before the campaign began";
}

TEST(OutputPaths, MinimizeOutAtADirectoryIsRefusedAndLeavesNoPartFile) {
  TempDir dir;
  const std::string case_file = seeded_bug_case(dir, basic());
  ASSERT_FALSE(case_file.empty());
  fs::create_directories(dir.file("taken"));
  const RunResult r = run_stablecut(dir, {"minimize", case_file, "--out", dir.file("taken")});
  EXPECT_EQ(r.rc, 2) << r.out << r.err;
  EXPECT_EQ(r.out.find("minimising"), std::string::npos) << "refused before the work: " << r.out;
  EXPECT_NE(r.err.find("--out '" + dir.file("taken") + "': is a directory"), std::string::npos) << r.err;
  expect_one_line_exit_2(dir, {"minimize", case_file, "--out", dir.file("no/such/dir/m.trace.json")}, "does not exist");
  EXPECT_FALSE(any_part_file(dir.path()));
}

TEST(OutputPaths, AFailedMergeLeavesNoOutput) {
  TempDir dir;
  const std::string good = dir.file("good.db"), bad = dir.file("bad.db"), out = dir.file("out.db");
  ASSERT_EQ(run_stablecut(dir, campaign_args(good, {"--workloads", "1"})).rc, 0);
  std::ofstream(bad) << std::string(4096, 'x');
  expect_one_line_exit_2(dir, {"merge", out, good, bad}, bad + ": not a SQLite database");
  EXPECT_FALSE(fs::exists(out));
  expect_one_line_exit_2(dir, {"merge", dir.path(), good}, "is a directory");
  expect_one_line_exit_2(dir, {"merge", out, dir.path()}, "is a directory");
  EXPECT_FALSE(fs::exists(out));
}

TEST(OutputPaths, ReportOutMustNameADirectory) {
  TempDir dir;
  const std::string db = dir.file("r.db");
  ASSERT_EQ(run_stablecut(dir, campaign_args(db, {"--workloads", "1"})).rc, 0);
  expect_one_line_exit_2(dir, {"report", "--db", db, "--out", ""}, "--out '': expected a directory");
  const std::string file = dir.file("file");
  std::ofstream(file) << "x";
  expect_one_line_exit_2(dir, {"report", "--db", db, "--out", file}, "is a file");
}

}  // namespace

}  // namespace sc::campaign::testing

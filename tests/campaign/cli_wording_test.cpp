// cli_wording_test.cpp — the command line speaks in its own words: an
// unknown command lists the commands; CLI11's raw parse messages never
// reach the user; a workload given to replay, a trace given to run, a
// directory given as a file and a case file given with --case are each
// one precise line with exit 2; counts read "1 manager", "1 workload";
// --jobs says it defaults to all cores; minimize --seed shows one default;
// `stats --by manager` groups by the managers the workloads ran.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <thread>

#include "process.h"

namespace sc::campaign::testing {

namespace {

std::string corpus(const std::string& name) { return std::string(STABLECUT_CORPUS) + "/" + name; }

TEST(CliWording, UnknownOrMissingCommandListsTheCommands) {
  TempDir dir;
  expect_one_line_exit_2(dir, {"frobnicate"}, "unknown command 'frobnicate'; commands: run, replay,");
  expect_one_line_exit_2(dir, {"frobnicate"}, "failures");
  expect_one_line_exit_2(dir, {}, "expected a command: run, replay,");
}

TEST(CliWording, ParseErrorsAreInTheToolsOwnWords) {
  TempDir dir;
  const std::string w = corpus("basic.json");
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"run", "--workload", w, "--timeout", "0.005"}, "--timeout: expected a number from 0.01 to 3600, got '0.005'"},
      {{"run", "--workload", w, "--k", "99"}, "--k: expected a whole number from 0 to 16, got '99'"},
      {{"run", "--workload", w, "--max-states", "many"}, "--max-states: expected a whole number from 0 to 2^64-1"},
      {{"run", "--workload", w, "--tier", "mars"}, "--tier: expected one of inproc"},
      {{"stats", "--by", "colour"}, "--by: expected one of outcome, phase, kind, manager, tier, day, got 'colour'"},
      {{"campaign", "--jobs", "0"}, "--jobs: expected a whole number from 1 to 1024, got '0'"},
      {{"campaign", "--progress-every", "0"}, "--progress-every: expected a number from 0.05 to 86400, got '0'"},
      {{"replay", "--failure", "x"}, "--failure: expected a whole number from 1 to"},
      {{"run", "--workload", w, "--bogus"}, "unexpected argument --bogus"},
  };
  for (const auto& [args, needle] : cases) {
    SCOPED_TRACE(needle);
    const RunResult r = run_stablecut(dir, args);
    EXPECT_EQ(r.rc, 2);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
    for (const char* raw : {"Could not convert", "not in range", "not in {", "The following argument"})
      EXPECT_EQ(r.err.find(raw), std::string::npos) << r.err;
  }
}

TEST(CliWording, WrongKindsOfInputFileSaySo) {
  TempDir dir;
  const std::string case_file = seeded_bug_case(dir, corpus("basic.json"));
  ASSERT_FALSE(case_file.empty());
  expect_one_line_exit_2(dir, {"replay", corpus("basic.json")}, "this is a workload file, not a trace or case file");
  expect_one_line_exit_2(dir, {"run", "--workload", case_file}, "this is a trace or case file, not a workload");
  expect_one_line_exit_2(dir, {"replay", dir.path()}, dir.path() + ": is a directory");
  expect_one_line_exit_2(dir, {"run", "--workload", dir.path()}, dir.path() + ": is a directory");
  expect_one_line_exit_2(dir, {"stats", "--db", dir.path()}, dir.path() + ": is a directory");
  expect_one_line_exit_2(dir, {"replay", case_file, "--case", "1"},
                         "expected one of a case file, --failure ID or --case ID");
  expect_one_line_exit_2(dir, {"replay", case_file, "--failure", "1"}, "expected one of a case file");
}

TEST(CliWording, CountsAreInTheRightNumber) {
  TempDir dir;
  const RunResult run = run_stablecut(dir, {"run", "--workload", corpus("basic.json"), "--cases-dir", dir.file("c")});
  ASSERT_EQ(run.rc, 0) << run.out;
  EXPECT_NE(run.out.find(": 1 manager, "), std::string::npos) << run.out;
  const std::string db = dir.file("r.db");
  const RunResult c = run_stablecut(dir, campaign_args(db, {"--workloads", "1"}));
  ASSERT_EQ(c.rc, 0) << c.out;
  EXPECT_NE(c.out.find(": 1 workload, "), std::string::npos) << c.out;
  const RunResult m = run_stablecut(dir, {"merge", dir.file("m.db"), db});
  ASSERT_EQ(m.rc, 0) << m.err;
  EXPECT_NE(m.out.find("merged 1 input into"), std::string::npos) << m.out;
  EXPECT_NE(m.out.find(": 1 campaign added, 1 workload added, 0 workloads already present"), std::string::npos)
      << m.out;
}

TEST(CliWording, HelpStatesTheDefaultsOnce) {
  TempDir dir;
  const RunResult campaign = run_stablecut(dir, {"campaign", "--help"});
  EXPECT_NE(campaign.out.find("default: all cores (" + std::to_string(std::max(1u, std::thread::hardware_concurrency())) +
                              " here)"),
            std::string::npos)
      << campaign.out;
  const RunResult minimize = run_stablecut(dir, {"minimize", "--help"});
  std::istringstream lines(minimize.out);
  bool seen = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("--seed") == std::string::npos) continue;
    seen = true;
    EXPECT_EQ(line.find('['), std::string::npos) << "one default, not two: " << line;
    EXPECT_NE(line.find("default: the case's"), std::string::npos) << line;
  }
  EXPECT_TRUE(seen) << minimize.out;
}

TEST(CliWording, StatsByManagerGroupsByTheWorkloadsManagers) {
  TempDir dir;
  const std::string db = dir.file("r.db"), small_corpus = dir.file("corpus");
  std::filesystem::create_directories(small_corpus);
  for (const char* name : {"basic.json", "hierarchy.json"})
    std::filesystem::copy_file(corpus(name), small_corpus + "/" + name);
  ASSERT_EQ(run_stablecut(dir, {"campaign", "--db", db, "--corpus", small_corpus, "--modes", "prefix", "--workloads",
                                "2", "--jobs", "2"}).rc,
            0);
  const RunResult r = run_stablecut(dir, {"stats", "--db", db, "--by", "manager", "--format", "csv"});
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.out.find("all,"), std::string::npos) << "not the --manager label: " << r.out;
  EXPECT_NE(r.out.find("\nshadow,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ordinary+shadow,"), std::string::npos) << "hierarchy has an ordinary manager: " << r.out;
}

// The README names the workload that shows this bug (one manager cannot).
TEST(CliWording, TheReadmesWorkloadShowsKernelRecoverIgnoringCuts) {
  TempDir dir;
  const RunResult r = run_stablecut(dir, {"run", "--workload", corpus("two_managers_cut.json"), "--bug",
                                          "kernel-recover-ignoring-cuts", "--cases-dir", dir.file("c")});
  EXPECT_EQ(r.rc, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("FINDING "), std::string::npos) << r.out;
}

}  // namespace

}  // namespace sc::campaign::testing

// The stablecut program as a user meets it: exit codes (0 legal, 1 finding,
// 2 usage or input error) and one-line errors.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

#include <fstream>
#include <string>
#include <utility>

#include "tests/support/run_binary.h"

namespace {

using Result = sc::test::BinaryResult;

Result run(const std::string& args) { return sc::test::run_binary(STABLECUT_BIN, args); }

std::string corpus(const std::string& name) { return std::string(STABLECUT_SOURCE_DIR) + "/corpus/workloads/" + name; }

size_t lines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

TEST(Cli, HelpExitsZero) {
  const Result r = run("--help");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("run"), std::string::npos);
  EXPECT_EQ(run("run --help").code, 0);
}

TEST(Cli, UsageErrorsExitTwoWithOneLine) {
  for (const char* args : {"", "frobnicate", "run", "run --workload", "run --tier mars --workload x.json",
                           "run --workload x.json --seed banana", "run --workload x.json --bogus"}) {
    const Result r = run(args);
    EXPECT_EQ(r.code, 2) << args << ": " << r.out;
    EXPECT_EQ(lines(r.out), 1u) << args << ": " << r.out;
  }
}

TEST(Cli, BadEnumerationFlagsExitTwoWithOneLineNamingTheFlag) {
  const std::string basic = " --workload " + corpus("basic.json");
  const std::pair<std::string, std::string> cases[] = {
      {"run" + basic + " --modes bit-rot --faults 9", "--faults"},
      {"run" + basic + " --modes bit-rot --faults 0", "--faults"},
      {"run" + basic + " --modes bit-flip", "unknown mode 'bit-flip'"},
      {"run" + basic + " --modes bit-rot --fault-samples 0", "--fault-samples"},
      {"run" + basic + " --runs-per-cut 0", "--runs-per-cut"},
      {"run" + basic + " --jobs 0", "--jobs"},
  };
  for (const auto& [args, want] : cases) {
    const Result r = run(args);
    EXPECT_EQ(r.code, 2) << args << ": " << r.out;
    EXPECT_EQ(lines(r.out), 1u) << args << ": " << r.out;
    EXPECT_NE(r.out.find(want), std::string::npos) << args << ": " << r.out;
  }
}

TEST(Cli, BadWorkloadFileExitsTwoNamingTheFile) {
  const std::string path = ::testing::TempDir() + "/bad_workload.json";
  std::ofstream(path) << R"({"format":"stablecut-workload","version":1,"name":"t","managers":[{"name":"A","kind":"shadow"}],"steps":[{"run":[{"locus":"w","home":"A","ops":[{"op":"write","container":"A","page":0,"value":1}]}]}]})";
  const Result r = run("run --tier inproc --workload " + path);
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(lines(r.out), 1u) << r.out;
  EXPECT_NE(r.out.find(path + ": steps[0].run[0].ops[0].container"), std::string::npos) << r.out;
  const Result missing = run("run --workload /nonexistent.json");
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.out.find("/nonexistent.json: cannot open file"), std::string::npos);
}

// The manager hierarchy of a workload, through the real binary: an unknown
// program, a managed manager whose manager does not exist and a cycle of
// managers are each one line and exit 2; so is a --bug of a program the
// workload does not run.
TEST(Cli, BadManagerHierarchyExitsTwoWithOneLine) {
  const std::string head = R"({"format":"stablecut-workload","version":2,"name":"t","managers":)";
  const std::string tail = R"(,"steps":[{"crash":{}}]})";
  const std::pair<const char*, const char*> cases[] = {
      {R"([{"name":"A","program":"nosuch"}])", "managers[0].program: expected a registered manager program"},
      {R"([{"name":"A","program":"journal"},{"name":"M","program":"ordinary","managed_by":"Q"}])",
       "managers[1].managed_by: expected the name of a manager of this workload, found 'Q'"},
      {R"([{"name":"A","program":"journal"},{"name":"M","program":"ordinary","managed_by":"N"},{"name":"N","program":"ordinary","managed_by":"M"}])",
       "found the cycle M -> N -> M"},
  };
  int i = 0;
  for (const auto& [managers, expected] : cases) {
    const std::string path = ::testing::TempDir() + "/hierarchy_" + std::to_string(i++) + ".json";
    std::ofstream(path) << head << managers << tail;
    const Result r = run("run --tier inproc --workload " + path);
    EXPECT_EQ(r.code, 2) << r.out;
    EXPECT_EQ(lines(r.out), 1u) << r.out;
    EXPECT_NE(r.out.find(path + ": " ), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(expected), std::string::npos) << r.out;
  }
  const Result foreign = run("run --tier inproc --workload " + corpus("basic.json") + " --bug journal-xor-replay");
  EXPECT_EQ(foreign.code, 2) << foreign.out;
  EXPECT_EQ(lines(foreign.out), 1u) << foreign.out;
  EXPECT_NE(foreign.out.find("a bug of the 'journal' manager program, but workload basic runs none"), std::string::npos)
      << foreign.out;
}

TEST(Cli, ManagersListsEveryProgramWithItsRoleAndBugs) {
  const Result r = run("managers");
  EXPECT_EQ(r.code, 0) << r.out;
  for (const char* want : {"shadow  (self-managing", "journal  (self-managing", "ordinary  (managed",
                           "--bug journal-early-applied-mark", "--bug shadow-skip-flush", "--bug kernel-overwrite-root-copy"})
    EXPECT_NE(r.out.find(want), std::string::npos) << want << "\n" << r.out;
  const Result json = run("managers --format json");
  EXPECT_EQ(json.code, 0);
  EXPECT_NE(json.out.find("\"role\": \"self-managing\""), std::string::npos) << json.out;
  EXPECT_EQ(run("managers --format xml").code, 2);
}

std::string cases_dir() { return ::testing::TempDir() + "/cli_cases"; }

TEST(Cli, CorrectWorkloadExitsZero) {
  const Result r = run("run --tier inproc --workload " + corpus("basic.json") + " --cases-dir " + cases_dir());
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("crash states recovered legally"), std::string::npos) << r.out;
}

std::string beyond_memory_workload() {
  return std::string(STABLECUT_SOURCE_DIR) + "/tests/workload/beyond_memory/deep_hierarchy_many_pages.json";
}

// A workload that needs more page frames than the kernel has is an input
// the system cannot take, not a finding: one line naming the op, exit 2.
TEST(Cli, WorkloadBeyondTheKernelsMemoryExitsTwoNamingTheOp) {
  const Result r = run("run --tier inproc --workload " + beyond_memory_workload() + " --cases-dir " + cases_dir());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_EQ(lines(r.out), 1u) << r.out;
  EXPECT_NE(r.out.find("workload deep_hierarchy_many_pages: needs more than the kernel's 512 page frames "
                       "(stabilise A returned no_memory)"),
            std::string::npos)
      << r.out;
}

// A campaign skips such a workload, says so, and goes on (exit 0).
TEST(Cli, CampaignSkipsAWorkloadBeyondTheKernelsMemory) {
  const std::string db = ::testing::TempDir() + "/beyond_memory.db";
  std::remove(db.c_str());
  const std::string dir = std::string(STABLECUT_SOURCE_DIR) + "/tests/workload/beyond_memory";
  const Result r = run("campaign --workloads 1 --jobs 1 --corpus " + dir + " --db " + db);
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("1 workload, 0 crash states"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 workload skipped, unchecked: more page frames than the kernel has (first: workload "
                       "deep_hierarchy_many_pages: needs more"),
            std::string::npos)
      << r.out;
}

TEST(Cli, SeededBugIsAFindingWithACaseThatReplays) {
  const Result r = run("run --workload " + corpus("basic.json") + " --bug shadow-skip-flush --cases-dir " + cases_dir());
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("FINDING "), std::string::npos);
  const size_t at = r.out.find("replay: stablecut replay ");
  ASSERT_NE(at, std::string::npos) << r.out;
  const size_t from = at + std::string("replay: stablecut replay ").size();
  const std::string printed_args = r.out.substr(from, r.out.find('\n', from) - from);
  EXPECT_NE(printed_args.find(" --tier inproc"), std::string::npos) << "the replay command names the tier";
  const Result again = run("replay " + printed_args);
  EXPECT_EQ(again.code, 1) << again.out;
  EXPECT_NE(again.out.find("(ILLEGAL)"), std::string::npos) << again.out;
  EXPECT_EQ(run("run --workload " + corpus("basic.json") + " --bug no-such-bug").code, 2);
}

// --modes exhaustive: the summary says what was covered; a finding's case
// (a state of some run's decisions) replays to the same verdict; under QEMU
// and for sqlite it is a one-line input error.
TEST(Cli, ExhaustiveModeCoversEveryStateAndItsFindingsReplay) {
  const Result ok = run("run --workload " + corpus("basic.json") + " --modes exhaustive,torn --cases-dir " + cases_dir());
  EXPECT_EQ(ok.code, 0) << ok.out;
  EXPECT_NE(ok.out.find("exhaustive: every crash state covered at 29 of the 29 cuts explored"), std::string::npos) << ok.out;
  const Result bad = run("run --workload " + corpus("basic.json") +
                         " --modes exhaustive --bug shadow-skip-flush --cases-dir " + cases_dir());
  EXPECT_EQ(bad.code, 1) << bad.out;
  const size_t at = bad.out.find("replay: stablecut replay ");
  ASSERT_NE(at, std::string::npos) << bad.out;
  const size_t from = at + std::string("replay: stablecut replay ").size();
  const Result again = run("replay " + bad.out.substr(from, bad.out.find('\n', from) - from));
  EXPECT_EQ(again.code, 1) << again.out;
  const Result qemu = run("run --tier qemu --workload " + corpus("basic.json") + " --modes exhaustive");
  EXPECT_EQ(qemu.code, 2) << qemu.out;
  EXPECT_EQ(lines(qemu.out), 1u) << qemu.out;
  EXPECT_NE(qemu.out.find("--modes exhaustive"), std::string::npos) << qemu.out;
  EXPECT_EQ(run("sqlite --modes exhaustive").code, 2);
  const Result call_error = run("run --tier qemu --workload " + corpus("basic.json") + " --modes call-error");
  EXPECT_EQ(call_error.code, 2) << call_error.out;
  EXPECT_EQ(lines(call_error.out), 1u) << call_error.out;
  EXPECT_NE(call_error.out.find("--modes call-error: in-process only"), std::string::npos) << call_error.out;
  EXPECT_EQ(run("sqlite --modes call-error").code, 2);
  const Result call_misuse = run("run --tier qemu --workload " + corpus("basic.json") + " --modes call-misuse");
  EXPECT_EQ(call_misuse.code, 2) << call_misuse.out;
  EXPECT_EQ(lines(call_misuse.out), 1u) << call_misuse.out;
  EXPECT_NE(call_misuse.out.find("--modes call-misuse: in-process only"), std::string::npos) << call_misuse.out;
  const Result sqlite_misuse = run("sqlite --modes call-misuse");
  EXPECT_EQ(sqlite_misuse.code, 2) << sqlite_misuse.out;
  EXPECT_EQ(lines(sqlite_misuse.out), 1u) << sqlite_misuse.out;
}

// Without --modes, `run` in-process is exhaustive (with tears); a cut past
// --runs-per-cut is checked by the bounded modes too, and the rerun command
// names the modes and the budget that ran.
TEST(Cli, ExhaustiveIsTheDefaultInProcessWithinItsBudget) {
  const Result ok = run("run --workload " + corpus("basic.json") + " --cases-dir " + cases_dir());
  EXPECT_EQ(ok.code, 0) << ok.out;
  EXPECT_NE(ok.out.find("exhaustive: every crash state covered at 29 of the 29 cuts explored"), std::string::npos) << ok.out;
  EXPECT_EQ(ok.out.find("past the budget"), std::string::npos) << ok.out;
  const Result bad = run("run --workload " + corpus("basic.json") +
                         " --runs-per-cut 8 --bug shadow-skip-flush --cases-dir " + cases_dir());
  EXPECT_EQ(bad.code, 1) << bad.out;
  EXPECT_NE(bad.out.find("past the budget also by the bounded modes"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("--modes exhaustive,torn --seed 1 --runs-per-cut 8"), std::string::npos) << bad.out;
  const Result bounded = run("run --workload " + corpus("basic.json") + " --modes prefix,reorder,torn --cases-dir " + cases_dir());
  EXPECT_EQ(bounded.code, 0) << bounded.out;
  EXPECT_EQ(bounded.out.find("exhaustive:"), std::string::npos) << bounded.out;
}

TEST(Cli, BadCaseFilesExitTwoWithOneLine) {
  const std::string dir = ::testing::TempDir();
  const std::pair<std::string, std::string> cases[] = {
      {"garbage.json", "this is not json"},
      {"wrong.json", R"({"format":"stablecut-workload","version":1})"},
      {"future.json", R"({"format":"stablecut-trace","version":99})"},
      {"truncated.json", R"({"format":"stablecut-trace","version":1,"sector_count":)"}};
  for (const auto& [name, text] : cases) {
    std::ofstream(dir + "/" + name) << text;
    const Result r = run("replay " + dir + "/" + name);
    EXPECT_EQ(r.code, 2) << name << ": " << r.out;
    EXPECT_EQ(lines(r.out), 1u) << name << ": " << r.out;
    EXPECT_NE(r.out.find(name), std::string::npos) << r.out;
  }
  EXPECT_EQ(run("replay " + dir + "/missing.json").code, 2);
  EXPECT_EQ(run("run --workload " + corpus("basic.json") + " --modes prefix,sideways").code, 2);
}

TEST(Cli, BenchPrintsCheckedStatesPerSecond) {
  const Result r = run("bench --tier inproc --seconds 0.2");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("crash states/s on one core"), std::string::npos) << r.out;
}

// --format json: the same figures as one JSON line, for a nightly history.
TEST(Cli, BenchPrintsItsFiguresAsOneJsonLine) {
  const Result r = run("bench --tier inproc --seconds 0.2 --format json");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out;
  const auto figures = nlohmann::json::parse(r.out);
  EXPECT_EQ(figures.at("bench"), "inproc");
  EXPECT_EQ(figures.at("workload"), "basic");
  EXPECT_GT(figures.at("checked_per_s").get<double>(), 0);
  EXPECT_GT(figures.at("enumerated_per_s").get<double>(), 0);
  EXPECT_GT(figures.at("states_per_round").get<uint64_t>(), 0u);
  EXPECT_GT(figures.at("recovered_per_s").get<double>(), 0);
  EXPECT_LT(figures.at("recovered_per_s").get<double>(), figures.at("checked_per_s").get<double>());  // some recalled
  EXPECT_GT(figures.at("checked_per_s_all_workers").get<double>(), 0);
  EXPECT_GT(figures.at("checked_per_s_one_workload_all_workers").get<double>(), 0);
  EXPECT_GE(figures.at("resident_bytes_per_state").get<double>(), 0);  // 0 when freed heap was reused
  EXPECT_EQ(run("bench --format yaml").code, 2);
  const auto off = nlohmann::json::parse(run("bench --tier inproc --seconds 0.2 --jobs 1 --no-memo --format json").out);
  EXPECT_EQ(off.at("memoised"), false);
  EXPECT_EQ(off.at("recovered_per_s"), off.at("checked_per_s"));  // memoisation off: every state recovered
}

}  // namespace

// fault_replay_test.cpp — the error fault classes as users meet them:
// `stablecut run --modes io-error|read-error|call-error|call-misuse --bug NAME`
// finds the bug
// (exit 1) and writes a case file; `stablecut replay CASE` rebuilds the same
// verdict from it (exit 1, same outcome); a case whose fault list does not
// fit its crash state is refused with one line and exit 2; `stablecut
// minimize CASE` without --modes writes a reproducer; an unknown mode is
// exit 2.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <ostream>
#include <regex>

#include <nlohmann/json.hpp>

#include "tests/support/run_binary.h"
#include "tests/support/temp_dir.h"

namespace sc::zoo {
namespace {

std::string corpus(const std::string& name) {
  return std::string(STABLECUT_SOURCE_DIR) + "/corpus/workloads/" + name + ".json";
}

// The first case path a run printed.
std::string first_case(const std::string& out) {
  std::smatch m;
  return std::regex_search(out, m, std::regex("case: (\\S+\\.trace\\.json)")) ? m[1].str() : "";
}

struct BugUnder {
  const char* bug;
  const char* mode;
  const char* workload;  // a corpus workload where the mode finds the bug
};

void PrintTo(const BugUnder& b, std::ostream* out) { *out << b.bug << " under " << b.mode << " on " << b.workload; }

class FaultCase : public ::testing::TestWithParam<BugUnder> {
 protected:
  // `stablecut run` of the parameter's bug under its mode on its workload, cases in `dir`.
  static test::BinaryResult run_bug(const test::TempDir& dir) {
    const BugUnder& p = GetParam();
    return test::run_binary(STABLECUT_BIN, "run --workload " + corpus(p.workload) + " --bug " + p.bug + " --modes " +
                                               p.mode + " --cases-dir " + dir.path());
  }
};

TEST_P(FaultCase, FoundByRunAndReplayedWithTheSameVerdict) {
  const test::TempDir dir;
  const std::string mode = GetParam().mode;
  const auto run = run_bug(dir);
  ASSERT_EQ(run.code, 1) << run.out;
  const std::string path = first_case(run.out);
  ASSERT_FALSE(path.empty()) << run.out;
  const auto replay = test::run_binary(STABLECUT_BIN, "replay " + path);
  EXPECT_EQ(replay.code, 1) << replay.out;
  std::ifstream in(path);
  const nlohmann::json c = nlohmann::json::parse(in);
  EXPECT_EQ(c["crash_state"]["kind"], mode);
  ASSERT_EQ(c["crash_state"]["faults"].size(), 1u);
  EXPECT_EQ(c["crash_state"]["faults"][0]["kind"], mode);
  EXPECT_NE(replay.out.find(c["meta"]["verdict"]["outcome"].get<std::string>()), std::string::npos) << replay.out;
}

TEST_P(FaultCase, ACaseWhoseFaultsDoNotFitItsStateIsRefused) {
  const test::TempDir dir;
  const auto run = run_bug(dir);
  const std::string path = first_case(run.out);
  ASSERT_FALSE(path.empty()) << run.out;
  std::ifstream in(path);
  nlohmann::json c = nlohmann::json::parse(in);
  c["crash_state"]["faults"] = nlohmann::json::array();
  c["meta"].erase("io_error");
  c["meta"].erase("call_error");
  c["meta"].erase("call_misuse");
  const std::string bad = dir.path() + "/bad.trace.json";
  std::ofstream(bad) << c.dump();
  const auto replay = test::run_binary(STABLECUT_BIN, "replay " + bad);
  EXPECT_EQ(replay.code, 2) << replay.out;
  EXPECT_EQ(std::count(replay.out.begin(), replay.out.end(), '\n'), 1) << replay.out;
}

// `stablecut minimize CASE` without --modes explores the case's own fault
// class too, so the case's signature reproduces and a reproducer is written.
TEST_P(FaultCase, MinimizeWithoutModesKeepsTheCasesFaultClass) {
  const test::TempDir dir;
  const auto run = run_bug(dir);
  const std::string path = first_case(run.out);
  ASSERT_FALSE(path.empty()) << run.out;
  const std::string out = dir.path() + "/min.trace.json";
  const auto min = test::run_binary(STABLECUT_BIN, "minimize " + path + " --max-attempts 10 --out " + out);
  EXPECT_EQ(min.code, 1) << min.out;
  EXPECT_TRUE(std::ifstream(out).good()) << min.out;
}

INSTANTIATE_TEST_SUITE_P(Modes, FaultCase,
                         ::testing::Values(BugUnder{"shadow-ignore-flush-error", "io-error", "basic"},
                                           BugUnder{"shadow-zero-unreadable", "read-error", "basic"},
                                           BugUnder{"shadow-unchecked-read-page", "call-error", "basic"},
                                           BugUnder{"kernel-disk-bound-off-by-one", "call-misuse", "two_managers_cut"}),
                         [](const auto& info) {
                           std::string name = info.param.mode;
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

// A call-fault case edited into nonsense is refused with one line and exit
// 2: a call out of range, a misuse of a call that passes no value, and the
// meta member of the other call fault.
TEST(FaultModes, AnEditedCallFaultCaseIsRefused) {
  const test::TempDir dir;
  const auto run = test::run_binary(STABLECUT_BIN, "run --workload " + corpus("two_managers_cut") +
                                                       " --bug kernel-disk-bound-off-by-one --modes call-misuse --cases-dir " +
                                                       dir.path());
  const std::string path = first_case(run.out);
  ASSERT_FALSE(path.empty()) << run.out;
  std::ifstream in(path);
  const nlohmann::json c = nlohmann::json::parse(in);
  ASSERT_TRUE(c["meta"].contains("call_misuse")) << c["meta"].dump();
  const auto refused = [&](const std::string& what, nlohmann::json bad) {
    const std::string file = dir.path() + "/bad.trace.json";
    std::ofstream(file) << bad.dump();
    const auto replay = test::run_binary(STABLECUT_BIN, "replay " + file);
    EXPECT_EQ(replay.code, 2) << what << "\n" << replay.out;
    EXPECT_EQ(std::count(replay.out.begin(), replay.out.end(), '\n'), 1) << what << "\n" << replay.out;
  };
  nlohmann::json beyond = c;
  beyond["crash_state"]["faults"][0]["detail"] = 13;
  refused("call 13", beyond);
  nlohmann::json flush = c;
  flush["crash_state"]["faults"][0]["detail"] = 12;
  flush["meta"]["call_misuse"]["name"] = "disk_flush";
  refused("a misused disk_flush", flush);
  nlohmann::json other = c;
  other["meta"]["call_error"] = other["meta"]["call_misuse"];
  other["meta"].erase("call_misuse");
  refused("meta.call_error on a call-misuse state", other);
}

TEST(FaultModes, AnUnknownModeIsAUsageError) {
  const auto r = test::run_binary(STABLECUT_BIN, "run --workload " + corpus("basic") + " --modes io-errors");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("unknown mode 'io-errors'"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace sc::zoo

// cli_test.cpp — `stablecut sqlite` as a user runs it: bad flags exit 2 with
// one line naming the flag; a finding exits 1 and prints a replay command
// that, run as printed, judges the same state the same way; --db records the
// run so `stablecut stats` counts it and `stablecut failures` lists its
// failures with their `stablecut sqlite` replay commands.
#include <gtest/gtest.h>

#include <regex>

#include "tests/support/run_binary.h"
#include "tests/support/temp_dir.h"

namespace {

sc::test::BinaryResult run(const std::string& args) { return sc::test::run_binary(STABLECUT_BIN, args); }

size_t lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

constexpr const char* kSmall = "--transactions 3 --k 1 --samples 2 --torn-samples 2";

TEST(SqliteCli, BadFlagsExitTwoWithOneLineNamingTheFlag) {
  for (const std::string args :
       {"--journal wall", "--synchronous always", "--modes prefix,sideways", "--transactions 0",
        "--replay-state 12", "--replay-state a:b", "--seed -1", "--bug shadow-skip-flush", "--replay-state 5:0@12:2",
        "--replay-state 5:0@12",
        "--frobnicate"}) {
    const auto r = run("sqlite " + args);
    EXPECT_EQ(r.code, 2) << args << ": " << r.out;
    EXPECT_EQ(lines(r.out), 1u) << args << ": " << r.out;
    const std::string flag = args.substr(0, args.find(' '));
    EXPECT_NE(r.out.find(flag), std::string::npos) << args << ": " << r.out;
  }
}

TEST(SqliteCli, AStateTheEnumerationNeverYieldsIsAnInputError) {
  const auto r = run(std::string("sqlite --modes prefix ") + kSmall + " --replay-state 999999:0");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("--replay-state 999999:0"), std::string::npos) << r.out;
}

// A finding's printed replay command gives the same finding again.
void expect_replay_reproduces(const sc::test::BinaryResult& r) {
  ASSERT_EQ(r.code, 1) << r.out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex("FINDING (\\w+): [^\\n]*\\n[^\\n]*\\n[^\\n]*\\n  replay: stablecut (sqlite [^\\n]*)")))
      << r.out;
  const auto again = run(m[2].str());
  EXPECT_EQ(again.code, 1) << again.out;
  EXPECT_NE(again.out.find("  " + m[1].str()), std::string::npos) << again.out;
}

// Without --modes too: the replay names the default modes that ran.
TEST(SqliteCli, AFindingPrintsAReplayThatReproducesIt) {
  for (const std::string modes : {"--modes prefix ", ""}) {
    SCOPED_TRACE(modes);
    expect_replay_reproduces(run("sqlite --journal off --synchronous off " + modes + kSmall));
  }
}

TEST(SqliteCli, ALegalRunExitsZeroAndStatsCountItsStates) {
  sc::test::TempDir dir;
  const std::string db = dir.file("results.db");
  const auto r = run(std::string("sqlite --journal wal --synchronous full --modes prefix ") + kSmall + " --db " + db);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("recovered legally"), std::string::npos) << r.out;
  const auto stats = run("stats --db " + db + " --by manager,outcome --format csv");
  EXPECT_EQ(stats.code, 0) << stats.out;
  EXPECT_NE(stats.out.find("sqlite:wal/full"), std::string::npos) << stats.out;
}

TEST(SqliteCli, StoredFailuresListTheSqliteReplayCommand) {
  sc::test::TempDir dir;
  const std::string db = dir.file("results.db");
  const auto r = run(std::string("sqlite --journal off --synchronous off --modes prefix ") + kSmall + " --db " + db);
  ASSERT_EQ(r.code, 1) << r.out;
  const auto listed = run("failures --db " + db + " --format csv");
  EXPECT_EQ(listed.code, 0) << listed.out;
  EXPECT_NE(listed.out.find("sqlite:off/off"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("stablecut sqlite --journal off --synchronous off"), std::string::npos) << listed.out;
  const auto replay = run("replay --db " + db + " --failure 1");
  EXPECT_EQ(replay.code, 2) << replay.out;
  EXPECT_EQ(lines(replay.out), 1u) << replay.out;
  EXPECT_NE(replay.out.find("--replay-state"), std::string::npos) << replay.out;
}

}  // namespace

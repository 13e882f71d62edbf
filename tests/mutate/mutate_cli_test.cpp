// mutate_cli_test.cpp — `stablecut mutate` as a user runs it: help, bad
// input (one line, exit 2), and a small end-to-end run that writes the
// `mutant` table, queried back with SQL.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/run_binary.h"
#include "tests/support/slurp.h"
#include "tests/support/sql.h"
#include "tests/support/temp_dir.h"

namespace sc {
namespace {

using test::run_binary;

const std::string kBin = STABLECUT_BIN;
const std::string kSource = STABLECUT_SOURCE_DIR;

size_t lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

TEST(MutateCli, HelpNamesTheFlags) {
  const auto r = run_binary(kBin, "mutate --help");
  EXPECT_EQ(r.code, 0);
  for (const char* flag : {"--manager", "--corpus", "--budget", "--operators", "--db", "--seed", "--min-score"})
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag;
}

TEST(MutateCli, BadInputIsOneLineAndExitTwo) {
  for (const std::string args : {"mutate --manager nosuch", "mutate --manager shadow --operators drop-flush,nosuch",
                                 "mutate --manager shadow --budget soon", "mutate --manager shadow --tier qemu",
                                 "mutate --manager shadow --corpus /nonexistent-dir",
                                 "mutate --manager shadow --modes call-error", "mutate --manager shadow --modes call-misuse",
                                 "mutate --manager shadow --modes read-error,io-error"}) {
    const auto r = run_binary(kBin, args);
    EXPECT_EQ(r.code, 2) << args << "\n" << r.out;
    EXPECT_EQ(lines(r.out), 1u) << args << "\n" << r.out;
  }
}

TEST(MutateCli, SmallRunWritesTheMutantTable) {
  test::TempDir dir;
  std::filesystem::create_directory(dir.file("corpus"));
  std::filesystem::copy_file(kSource + "/tests/mutate/idle_stabilise.json", dir.file("corpus/idle_stabilise.json"));
  const std::string db = dir.file("results.db");
  const auto r = run_binary(kBin, "mutate --manager kernel --corpus " + dir.file("corpus") +
                                      " --budget 120s --seed 7 --db " + db, false);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("mutation score of kernel: 100.0%"), std::string::npos) << r.out;
  EXPECT_EQ(test::sql_int(db, "SELECT COUNT(*) FROM mutant WHERE run = 1 AND target = 'kernel'"), 6);
  EXPECT_EQ(test::sql_int(db, "SELECT COUNT(*) FROM mutant WHERE verdict = 'equivalent' AND "
                              "operator = 'kernel-drop-fua-cut' AND manager_id IS NULL"), 1);
  EXPECT_EQ(test::sql_int(db, "SELECT COUNT(*) FROM mutant WHERE seed = '0x0000000000000007' AND "
                              "workload = 'idle_stabilise'"), 6);
  const auto again = run_binary(kBin, "mutate --manager kernel --corpus " + dir.file("corpus") +
                                          " --max-mutants 2 --min-score 100 --db " + db, false);
  EXPECT_EQ(again.code, 0) << again.out;
  EXPECT_NE(again.out.find("tested 2 (a seeded sample of 6, --max-mutants)"), std::string::npos) << again.out;
  EXPECT_EQ(test::sql_int(db, "SELECT COUNT(*) FROM mutant WHERE run = 2"), 2);
  const auto report = run_binary(kBin, "report --db " + db + " --out " + dir.file("report"));
  ASSERT_EQ(report.code, 0) << report.out;
  const std::string html = test::slurp(dir.file("report/index.html"));
  const size_t section = html.find("<table id=mutation-score>");
  ASSERT_NE(section, std::string::npos);
  EXPECT_NE(html.find("<td>kernel</td><td class=n>2</td>", section), std::string::npos) << "the newest run";
  EXPECT_EQ(html.find("<td>kernel</td><td class=n>1</td>", section), std::string::npos);
}

}  // namespace
}  // namespace sc

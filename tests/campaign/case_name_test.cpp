// case_name_test.cpp — `run`'s case files are named by their content: a
// run with another seeded bug (or tier, or seed) into the same --cases-dir
// never overwrites an earlier run's case, so the replay command printed
// earlier still reproduces the failure it was printed for; the same run
// again prints the same names. Campaign case files carry the same
// content-addressed name.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>

#include "process.h"

namespace sc::campaign::testing {

namespace {

namespace fs = std::filesystem;

// Case path → the outcome printed in its FINDING block ("verdict: lost ...").
std::map<std::string, std::string> printed_cases(const std::string& out) {
  std::map<std::string, std::string> cases;
  const std::regex block(R"(verdict: (\w+) \(ILLEGAL\)[\s\S]*?  replay: stablecut replay (\S+) --tier inproc)");
  for (std::sregex_iterator it(out.begin(), out.end(), block), end; it != end; ++it) cases[(*it)[2]] = (*it)[1];
  return cases;
}

std::vector<std::string> run_args(const TempDir& dir, const std::string& bug) {
  return {"run", "--workload", std::string(STABLECUT_CORPUS) + "/basic.json", "--modes", "prefix", "--bug", bug,
          "--cases-dir", dir.file("cases")};
}

TEST(CaseNames, RunNeverOverwritesAnEarlierRunsCaseAndReplayStillReproducesIt) {
  TempDir dir;
  const RunResult first = run_stablecut(dir, run_args(dir, "shadow-skip-flush"));
  ASSERT_EQ(first.rc, 1) << first.out << first.err;
  const auto first_cases = printed_cases(first.out);
  ASSERT_FALSE(first_cases.empty()) << first.out;
  std::map<std::string, std::string> contents;
  for (const auto& [path, outcome] : first_cases) {
    EXPECT_NE(path.find("/basic-inproc-shadow-skip-flush-"), std::string::npos) << path;
    contents[path] = slurp(path);
  }

  const RunResult other = run_stablecut(dir, run_args(dir, "kernel-overwrite-root-copy"));
  ASSERT_EQ(other.rc, 1) << other.out << other.err;
  const auto other_cases = printed_cases(other.out);
  ASSERT_FALSE(other_cases.empty()) << other.out;
  for (const auto& [path, outcome] : other_cases) EXPECT_EQ(first_cases.count(path), 0u) << path;

  for (const auto& [path, outcome] : first_cases) {
    EXPECT_EQ(slurp(path), contents[path]) << path << " was overwritten";
    const RunResult replay = run_stablecut(dir, {"replay", path});
    EXPECT_EQ(replay.rc, 1) << replay.out << replay.err;
    EXPECT_NE(replay.out.find("verdict: " + outcome + " (ILLEGAL)"), std::string::npos) << replay.out;
  }

  const RunResult again = run_stablecut(dir, run_args(dir, "shadow-skip-flush"));
  EXPECT_EQ(printed_cases(again.out), first_cases) << again.out;  // the same failure, the same name
  size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.file("cases"))) ++files;
  EXPECT_EQ(files, first_cases.size() + other_cases.size());
}

TEST(CaseNames, CampaignCaseFilesAreContentAddressed) {
  TempDir dir;
  const std::string db = dir.file("r.db");
  const RunResult r = run_stablecut(dir, campaign_args(db, {"--workloads", "2", "--bug", "shadow-skip-flush"}));
  ASSERT_EQ(r.rc, 1) << r.out << r.err;
  const auto paths = sql_rows(db, "SELECT repro_trace FROM failure WHERE repro_trace IS NOT NULL");
  ASSERT_FALSE(paths.empty());
  const std::regex name(R"(/c[0-9a-f]{8}-[^/]+-inproc-shadow-skip-flush-[0-9a-f]{16}(-min)?\.trace\.json$)");
  for (const auto& path : paths) {
    EXPECT_TRUE(std::regex_search(path, name)) << path;
    EXPECT_TRUE(fs::exists(path)) << path;
  }
}

}  // namespace

}  // namespace sc::campaign::testing

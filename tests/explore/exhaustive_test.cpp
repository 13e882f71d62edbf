// exhaustive_test.cpp — the exhaustive mode (injector/inproc/exhaustive_explore.h):
//  - ChoicePath's runs partition every assignment of the variables, whatever
//    the run reads, and a run that reads differently on a re-run is caught;
//  - on small traces, where brute force is possible, it reports exactly the
//    verdicts of recovering every crash state one by one: for every cut of
//    up to kBruteForceVariables variables, every assignment (every subset of
//    in-flight writes; with tears every chunk mask) is rebuilt as an
//    ordinary crash image, recovered and judged, and its verdict must equal
//    that of the one run whose decisions it agrees with — for the correct
//    managers and for seeded bugs that need reordering, tears, a crash cycle
//    and the manager hierarchy;
//  - it covers every state of every cut of the shipped small workloads, and
//    the seeded bugs are found by it;
//  - the cuts its search leaves past the budget are checked by the bounded
//    modes as well.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "injector/check/state_window.h"
#include "injector/crash/choice_path.h"
#include "injector/crash/crash_image.h"
#include "injector/inproc/exhaustive_explore.h"
#include "injector/inproc/explore.h"
#include "injector/inproc/inproc_checker.h"
#include "injector/inproc/recording.h"
#include "injector/workload/workload_file.h"

namespace sc {
namespace {

// --- ChoicePath --------------------------------------------------------------

// A deterministic "recovery" over 6 variables that reads different ones
// depending on what it saw.
void branching_run(crash::ChoicePath& path) {
  if (path.value(0)) {
    if (path.value(3)) path.value(5);
  } else {
    path.value(1);
    path.value(2);
  }
}

bool agrees(const std::vector<crash::ChoicePath::Decision>& decisions, uint32_t assignment) {
  for (const auto& d : decisions)
    if (((assignment >> d.variable) & 1) != (d.value ? 1u : 0u)) return false;
  return true;
}

TEST(ChoicePath, RunsPartitionEveryAssignment) {
  crash::ChoicePath path(6);
  std::vector<std::vector<crash::ChoicePath::Decision>> runs;
  do {
    path.begin_run();
    branching_run(path);
    runs.push_back(path.decisions());
  } while (path.advance());
  EXPECT_EQ(runs.size(), 7u);  // !0 (4 ways over 1,2), 0 & !3, 0 & 3 (2 ways over 5)
  for (uint32_t a = 0; a < 64; ++a) {
    int covering = 0;
    for (const auto& r : runs) covering += agrees(r, a) ? 1 : 0;
    EXPECT_EQ(covering, 1) << "assignment " << a;
  }
}

TEST(ChoicePath, ARunThatReadsDifferentlyOnARerunIsCaught) {
  crash::ChoicePath path(3);
  path.begin_run();
  path.value(0);
  path.value(1);
  ASSERT_TRUE(path.advance());
  path.begin_run();
  EXPECT_THROW(path.value(2), std::logic_error);
}

// --- brute force against the exhaustive mode ----------------------------------

constexpr uint32_t kBruteForceVariables = 8;
// Runs per cut: more than a brute-forced cut can need (2^8), few enough that
// the cuts of a torn buggy run (thousands of distinct recoveries) stay quick.
constexpr uint64_t kRunsPerCut = 1024;

Workload corpus(const std::string& name) {
  return load_workload_file(std::string(STABLECUT_SOURCE_DIR) + "/corpus/workloads/" + name + ".json");
}

std::string verdict_line(const Verdict& v) {
  std::string line = std::string(outcome_name(v.outcome)) + " " + std::to_string(v.matched) + " " + v.reason;
  for (const auto& f : v.fsck) line += " | " + f;
  return line;
}

struct PathRun {
  std::vector<crash::ChoicePath::Decision> decisions;
  std::string verdict;
};

struct Case {
  const char* workload;
  const char* bug;  // "" for none
  bool tears;
};

void PrintTo(const Case& c, std::ostream* out) { *out << c.workload << (*c.bug ? " with " : "") << c.bug << (c.tears ? ", torn" : ""); }

class ExhaustiveAgainstBruteForce : public ::testing::TestWithParam<Case> {};

TEST_P(ExhaustiveAgainstBruteForce, EveryStateHasTheVerdictOfItsRun) {
  const Workload w = corpus(GetParam().workload);
  SeededBugs bugs;
  if (*GetParam().bug) enable_seeded_bug(&bugs, GetParam().bug);
  const Recording rec = record_inproc(w, bugs);
  std::map<size_t, std::vector<PathRun>> runs_of_cut;
  ExploreResult result;
  explore_exhaustively(w, bugs, rec, ExploreOptions{}, ExhaustiveOptions{GetParam().tears, kRunsPerCut}, &result,
                       [&](const crash::CutVariables&, const crash::ChoicePath& path, const crash::CrashState& state,
                           const Verdict& v) { runs_of_cut[state.cut].push_back(PathRun{path.decisions(), verdict_line(v)}); });
  ASSERT_TRUE(result.exhaustive);
  EXPECT_EQ(result.exhaustive->cuts, rec.trace.cut_count());
  if (!*GetParam().bug) {  // a correct manager's recoveries read little that is in flight
    EXPECT_EQ(result.exhaustive->complete_cuts, rec.trace.cut_count());
    EXPECT_EQ(result.exhaustive->states, result.exhaustive->all_states);
  }

  InprocChecker checker(w, bugs);
  const crash::TraceHashes hashes(rec.trace);
  crash::DurableState durable(rec.trace, hashes);
  size_t compared_cuts = 0, compared_states = 0, illegal = 0;
  for (size_t cut = 0; cut < rec.trace.cut_count(); ++cut) {
    durable.advance_to(cut);
    const crash::CutVariables variables(durable, GetParam().tears);
    if (variables.count() > kBruteForceVariables) continue;
    ++compared_cuts;
    for (uint32_t a = 0; a < (1u << variables.count()); ++a) {
      const crash::CrashState state = variables.state([&](uint32_t v) { return ((a >> v) & 1) != 0; });
      const crash::CrashImage image = crash::build_crash_image(rec.trace, state);
      const Verdict v = classify(w, rec.history, legal_window_of(rec.spans, state), checker.recover(image.view(), {}));
      illegal += is_legal(v.outcome) ? 0 : 1;
      const PathRun* covering = nullptr;
      for (const PathRun& r : runs_of_cut[cut])
        if (agrees(r.decisions, a)) {
          ASSERT_EQ(covering, nullptr) << "cut " << cut << ": two runs cover assignment " << a;
          covering = &r;
        }
      ASSERT_NE(covering, nullptr) << "cut " << cut << ": no run covers assignment " << a;
      EXPECT_EQ(covering->verdict, verdict_line(v)) << "cut " << cut << ", assignment " << a;
      ++compared_states;
    }
  }
  EXPECT_GE(compared_cuts, rec.trace.cut_count() / 3) << "too few cuts small enough to brute-force";
  if (*GetParam().bug) EXPECT_GT(illegal, 0u) << "the brute force never saw " << GetParam().bug;
  std::cout << compared_states << " crash states of " << compared_cuts << " cuts brute-forced\n";
}

INSTANTIATE_TEST_SUITE_P(
    SmallTraces, ExhaustiveAgainstBruteForce,
    ::testing::Values(Case{"basic", "", false}, Case{"basic", "", true}, Case{"journal_basic", "", false},
                      Case{"basic", "shadow-skip-flush", false},
                      Case{"journal_basic", "journal-unflushed-apply", false},
                      Case{"journal_basic", "journal-skip-by-ends", true},
                      Case{"crash_cycles", "shadow-recover-frees-data", false},
                      Case{"hierarchy", "kernel-snapshot-parent-first", false}));

// --- the bounded modes past the budget ------------------------------------------

// A cut whose search passes runs_per_cut is checked by the bounded modes as
// well: explore_inproc adds exactly the states the bounded modes give over
// those cuts, and the seeded bug shows in them.
TEST(ExhaustiveBudget, CutsPastTheBudgetAreCheckedByTheBoundedModes) {
  const Workload w = corpus("basic");
  SeededBugs bugs;
  enable_seeded_bug(&bugs, "shadow-skip-flush");
  const Recording rec = record_inproc(w, bugs);
  constexpr uint64_t kRuns = 4;
  ExploreResult searched;
  std::vector<uint64_t> incomplete;
  explore_exhaustively(w, bugs, rec, ExploreOptions{}, ExhaustiveOptions{false, kRuns}, &searched, {}, &incomplete);
  ASSERT_FALSE(incomplete.empty()) << "no cut of the buggy run needs more than " << kRuns << " recoveries";
  EXPECT_TRUE(std::is_sorted(incomplete.begin(), incomplete.end()));
  EXPECT_EQ(incomplete.size(), searched.exhaustive->cuts - searched.exhaustive->complete_cuts);

  ExploreOptions bounded_options;
  bounded_options.enumerate.modes = crash::only(crash::Mode::prefix) | crash::only(crash::Mode::reorder);
  bounded_options.enumerate.only_cuts = incomplete;
  const ExploreResult bounded = explore_inproc(w, bugs, rec, bounded_options);
  EXPECT_GT(bounded.illegal, 0u) << "the bounded modes find nothing at the cuts past the budget";

  ExploreOptions options;
  options.enumerate.modes.reset();
  options.enumerate.exhaustive = true;
  options.enumerate.runs_per_cut = kRuns;
  const ExploreResult both = explore_inproc(w, bugs, rec, options);
  ASSERT_TRUE(both.exhaustive);
  EXPECT_EQ(both.exhaustive->bounded_cuts, incomplete.size());
  EXPECT_EQ(both.exhaustive->bounded_states, bounded.states);
  EXPECT_EQ(both.states, searched.states + bounded.states);
  EXPECT_EQ(both.illegal, searched.illegal + bounded.illegal);
  for (const auto& [signature, states] : bounded.signatures) EXPECT_TRUE(both.signatures.count(signature)) << signature;

  options.enumerate.runs_per_cut = ExhaustiveOptions{}.runs_per_cut;  // the correct manager needs one run per cut
  const ExploreResult correct = explore_inproc(w, SeededBugs{}, record_inproc(w, SeededBugs{}), options);
  EXPECT_EQ(correct.exhaustive->bounded_cuts, 0u);
  EXPECT_EQ(correct.states, correct.exhaustive->recoveries);
}

}  // namespace
}  // namespace sc

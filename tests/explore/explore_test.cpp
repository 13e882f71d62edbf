// Crash-state exploration end to end in-process: every shipped workload
// recovers legally in all modes; each planted bug is found with the phase of
// its cut and its case replays to the same verdict; a case's crash image
// rebuilds bit for bit.
#include <gtest/gtest.h>

#include <filesystem>

#include "injector/check/case_file.h"
#include "injector/inproc/explore.h"
#include "injector/inproc/inproc_checker.h"
#include "injector/inproc/recording.h"
#include "injector/workload/workload_file.h"

namespace sc {
namespace {

Workload corpus(const std::string& name) {
  return load_workload_file(std::string(STABLECUT_SOURCE_DIR) + "/corpus/workloads/" + name + ".json");
}

ExploreOptions all_modes(uint64_t max_states = UINT64_MAX) {
  ExploreOptions o;
  o.max_states = max_states;
  return o;
}

class CorrectManager : public ::testing::TestWithParam<std::string> {};

TEST_P(CorrectManager, ThousandsOfStatesAllLegal) {
  const Workload w = corpus(GetParam());
  const Recording rec = record_inproc(w, SeededBugs{});
  ASSERT_TRUE(rec.findings.empty()) << rec.findings.front();
  const ExploreResult r = explore_inproc(w, SeededBugs{}, rec, all_modes(2500));
  EXPECT_GE(r.states, 1000u);
  EXPECT_EQ(r.illegal, 0u) << (r.failures.empty() ? "" : r.failures.front().signature);
}

INSTANTIATE_TEST_SUITE_P(Corpus, CorrectManager,
                         ::testing::Values("basic", "two_managers_cut", "hierarchy", "concurrent_loci", "crash_cycles",
                                           "many_pages"));

struct BugCase {
  const char* bug;
  const char* workload;
};

class PlantedBug : public ::testing::TestWithParam<BugCase> {};

TEST_P(PlantedBug, FoundWithThePhaseOfTheCutAndReplays) {
  SeededBugs bugs;
  enable_seeded_bug(&bugs, GetParam().bug);
  const Workload w = corpus(GetParam().workload);
  const Recording rec = record_inproc(w, bugs);
  const ExploreResult r = explore_inproc(w, bugs, rec, all_modes());
  ASSERT_GT(r.illegal, 0u) << GetParam().bug << " was not found";
  const StateFailure& f = r.failures.front();
  EXPECT_TRUE(f.phase == Phase::SNAPSHOT || f.phase == Phase::ROOT_COPY) << phase_name(f.phase);
  EXPECT_NE(f.signature.find(phase_name(f.phase)), std::string::npos);
  const std::string path = ::testing::TempDir() + "/" + GetParam().bug + ".trace.json";
  save_case(path, w, bugs, rec, f, 1);
  const Verdict again = replay_inproc(load_case(path));
  EXPECT_EQ(again.outcome, f.verdict.outcome);
  EXPECT_FALSE(again.legal());
}

INSTANTIATE_TEST_SUITE_P(Bugs, PlantedBug,
                         ::testing::Values(BugCase{"shadow-skip-flush", "basic"},
                                           BugCase{"shadow-reuse-blocks", "basic"},
                                           BugCase{"kernel-overwrite-root-copy", "basic"},
                                           BugCase{"kernel-recover-ignoring-cuts", "two_managers_cut"}),
                         [](const auto& param_info) {
                           std::string n = param_info.param.bug;
                           for (char& ch : n) if (ch == '-') ch = '_';
                           return n;
                         });

// Told to stop at a signature (a minimiser reproducing one failure), the
// exploration ends with the first state of it, the same state the whole
// exploration keeps for it, after no more states than that one.
TEST(StopAtSignature, EndsAtTheFirstFailureOfItWithTheStateTheWholeExplorationKeeps) {
  SeededBugs bugs;
  enable_seeded_bug(&bugs, "shadow-reuse-blocks");
  const Workload w = corpus("basic");
  const Recording rec = record_inproc(w, bugs);
  const ExploreResult whole = explore_inproc(w, bugs, rec, all_modes());
  ASSERT_GE(whole.failures.size(), 2u);
  for (const StateFailure& f : whole.failures) {
    ExploreOptions o = all_modes();
    o.stop_at_signature = f.signature;
    const ExploreResult r = explore_inproc(w, bugs, rec, o);
    ASSERT_FALSE(r.failures.empty()) << f.signature;
    EXPECT_EQ(r.failures.back().signature, f.signature);
    EXPECT_EQ(r.failures.back().state, f.state) << f.signature;
    EXPECT_TRUE(r.stopped) << f.signature;
    EXPECT_LT(r.states, whole.states) << f.signature;
  }
}

// A recovery-side bug leaves the crash image itself sound: the same case,
// recovered by correct code, is legal — the checker blames the recovery.
TEST(PlantedBugCase, RecoveryBugsImageIsLegalForCorrectRecovery) {
  SeededBugs bugs;
  enable_seeded_bug(&bugs, "kernel-recover-ignoring-cuts");
  const Workload w = corpus("two_managers_cut");
  const Recording rec = record_inproc(w, bugs);
  const ExploreResult r = explore_inproc(w, bugs, rec, all_modes());
  ASSERT_FALSE(r.failures.empty());
  const std::string path = ::testing::TempDir() + "/ignoring-cuts.trace.json";
  save_case(path, w, bugs, rec, r.failures.front(), 1);
  Case c = load_case(path);
  EXPECT_FALSE(replay_inproc(c).legal());
  c.bugs = SeededBugs{};
  const Verdict v = replay_inproc(c);
  EXPECT_TRUE(v.legal()) << v.reason;
}

TEST(CaseFile, CrashImageRebuildsBitForBit) {
  SeededBugs bugs;
  enable_seeded_bug(&bugs, "shadow-skip-flush");
  const Workload w = corpus("basic");
  const Recording rec = record_inproc(w, bugs);
  ExploreResult r = explore_inproc(w, bugs, rec, all_modes());
  ASSERT_FALSE(r.failures.empty());
  const std::string path = ::testing::TempDir() + "/rebuild.trace.json";
  save_case(path, w, bugs, rec, r.failures.back(), 1);
  const Case a = load_case(path);
  const Case b = load_case(path);
  const auto bytes_a = crash::build_crash_image(a.file.trace, *a.file.crash_state).view().bytes();
  const auto bytes_b = crash::build_crash_image(b.file.trace, *b.file.crash_state).view().bytes();
  EXPECT_EQ(bytes_a, bytes_b);
  const auto original = crash::build_crash_image(rec.trace, r.failures.back().state).view().bytes();
  EXPECT_EQ(bytes_a, original);
}

// Recovery is read-only: no request of any recorded trace is tagged
// RECOVERY, so a power cut during recovery leaves the same crash state as a
// cut just before it, and the crash-recover-continue workloads (whose traces
// run on past each recovery) cover nested cuts.
TEST(Recording, RecoveryIssuesNoWrites) {
  for (const char* name : {"basic", "crash_cycles", "hierarchy", "two_managers_cut"}) {
    const Recording rec = record_inproc(corpus(name), SeededBugs{});
    size_t recovery_requests = 0;
    for (const auto& r : rec.trace.requests()) recovery_requests += r.phase == Phase::RECOVERY;
    EXPECT_EQ(recovery_requests, 0u) << name;
    EXPECT_GT(rec.trace.requests().size(), 0u) << name;
  }
}

TEST(Recording, SameWorkloadRecordsTheSameTrace) {
  const Workload w = corpus("concurrent_loci");
  const Recording a = record_inproc(w, SeededBugs{});
  const Recording b = record_inproc(w, SeededBugs{});
  ASSERT_EQ(a.trace.requests().size(), b.trace.requests().size());
  EXPECT_TRUE(std::equal(a.trace.payload().begin(), a.trace.payload().end(), b.trace.payload().begin()));
  EXPECT_EQ(a.history, b.history);
}

}  // namespace
}  // namespace sc

// The journal manager through the registry, in-process, as users run it:
// every journal workload of the corpus explores with no illegal outcome;
// recording one contains requests tagged RECOVERY (recovery writes, so the
// trace holds nested cuts); each seeded bug is found by the checker with the
// phase of its cut, journal-early-applied-mark only through cuts during
// recovery.
#include <gtest/gtest.h>

#include <ostream>

#include "injector/common/seeded_bugs.h"
#include "injector/inproc/explore.h"
#include "injector/inproc/recording.h"
#include "injector/vocab/outcome.h"
#include "injector/workload/workload_file.h"
#include "tests/support/param_name.h"

namespace sc {
namespace {

Workload corpus(const std::string& name) {
  return load_workload_file(std::string(STABLECUT_SOURCE_DIR) + "/corpus/workloads/" + name + ".json");
}

SeededBugs bug(const std::string& name) {
  SeededBugs bugs;
  if (!name.empty()) enable_seeded_bug(&bugs, name);
  return bugs;
}

// Illegal outcomes and fsck findings of `r`, per phase of the cut.
std::map<Phase, uint64_t> findings_by_phase(const ExploreResult& r) {
  std::map<Phase, uint64_t> by_phase;
  for (size_t o = 0; o < kOutcomeCount; ++o)
    for (size_t p = 0; p < kPhaseCount; ++p)
      for (size_t m = 0; m < crash::kModeCount; ++m) {
        const uint64_t n = (is_legal(static_cast<Outcome>(o)) ? 0 : r.counts[o][p][m]) + r.fsck_violations[o][p][m];
        if (n > 0) by_phase[static_cast<Phase>(p)] += n;
      }
  return by_phase;
}

class JournalWorkload : public ::testing::TestWithParam<std::string> {};

TEST_P(JournalWorkload, EveryCrashStateIsLegal) {
  const Workload w = corpus(GetParam());
  const Recording rec = record_inproc(w, SeededBugs{});
  ASSERT_TRUE(rec.findings.empty()) << rec.findings.front();
  ExploreOptions o;
  o.max_states = 3000;
  const ExploreResult r = explore_inproc(w, SeededBugs{}, rec, o);
  EXPECT_GE(r.states, 500u);
  EXPECT_EQ(r.illegal, 0u) << (r.failures.empty() ? "" : r.failures.front().signature);
  EXPECT_TRUE(findings_by_phase(r).empty());
}

INSTANTIATE_TEST_SUITE_P(Corpus, JournalWorkload,
                         ::testing::Values("journal_basic", "journal_crash_cycles", "journal_hierarchy",
                                           "journal_with_shadow", "journal_two_journals"));

TEST(JournalRecording, RecoveryAfterACrashWritesAndItsRequestsAreTaggedRecovery) {
  for (const char* name : {"journal_basic", "journal_crash_cycles", "journal_hierarchy"}) {
    const Recording rec = record_inproc(corpus(name), SeededBugs{});
    size_t recovery_writes = 0;
    for (const auto& r : rec.trace.requests())
      recovery_writes += r.phase == Phase::RECOVERY && r.kind == crash::Kind::write;
    EXPECT_GT(recovery_writes, 0u) << name;
  }
}

struct BugCase {
  const char* bug;
  const char* workload;
  std::vector<Phase> phases;  // the phases its failures may have
};

// Names the case in test listings (ctest's names stay stable across builds).
void PrintTo(const BugCase& c, std::ostream* out) { *out << c.bug << " on " << c.workload; }

class JournalBug : public ::testing::TestWithParam<BugCase> {};

TEST_P(JournalBug, FoundByTheCheckerWithThePhaseOfTheCut) {
  const SeededBugs bugs = bug(GetParam().bug);
  const Workload w = corpus(GetParam().workload);
  const Recording rec = record_inproc(w, bugs);
  const ExploreResult r = explore_inproc(w, bugs, rec, ExploreOptions{});
  ASSERT_GT(r.illegal, 0u) << GetParam().bug << " was not found";
  for (const auto& [phase, n] : findings_by_phase(r)) {
    const auto& allowed = GetParam().phases;
    EXPECT_NE(std::find(allowed.begin(), allowed.end(), phase), allowed.end())
        << GetParam().bug << ": " << n << " findings in phase " << phase_name(phase);
  }
  for (const StateFailure& f : r.failures) EXPECT_NE(f.signature.find(phase_name(f.phase)), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Bugs, JournalBug,
    ::testing::Values(
        BugCase{"journal-xor-replay", "journal_basic", {Phase::SNAPSHOT, Phase::ROOT_COPY, Phase::DISCARD, Phase::RECOVERY}},
        BugCase{"journal-early-applied-mark", "journal_crash_cycles", {Phase::RECOVERY}},
        BugCase{"journal-apply-before-stable", "journal_basic", {Phase::SNAPSHOT, Phase::ROOT_COPY}}),
    sc::test::named_by_bug);

}  // namespace
}  // namespace sc

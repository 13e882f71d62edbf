// recovery_memo_test.cpp — recovery memoisation (injector/check/recovery_memo.h)
// changes no verdict and does decide states without recovering them:
//  - the memo's decision tree on a hand-made trace: a state is recalled
//    only when it agrees with a remembered recovery on every variable
//    sector that recovery read; a recovery whose path disagrees with the
//    tree is a conflict, not an entry; a new cut starts an empty tree;
//  - every shipped workload, every mode the explore loop enumerates: the
//    verdict of every state (outcome, matched state, reason, fsck findings)
//    is the same with memoisation on and off, and some states are recalled;
//  - every seeded bug, on the first corpus workloads running its program:
//    the same verdicts on and off, so memoisation hides no finding.
// (The first states of each workload, to keep the default suite short; the
// bench figures run whole enumerations with it on.)
// read-error and io-error states are recovered by their own explorers, which
// do not memoise (their faults act during recovery or re-record the run).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "injector/campaign/generator.h"
#include "injector/check/recovery_memo.h"
#include "injector/inproc/explore.h"
#include "injector/inproc/recording.h"
#include "managers/registry/registry.h"
#include "tests/explore/explore_test_inputs.h"

namespace sc {
namespace {

// --- the decision tree on a hand-made trace --------------------------------

// Two one-sector writes in flight at cut 2: A at sector 2, B at sector 5.
crash::Trace two_writes() {
  crash::Trace trace(16);
  std::vector<uint8_t> data(kSectorSize, 0xAA);
  EXPECT_EQ(trace.append_write(2, 1, data.data(), false, Phase::RUN), Status::ok);
  data.assign(kSectorSize, 0xBB);
  EXPECT_EQ(trace.append_write(5, 1, data.data(), false, Phase::RUN), Status::ok);
  return trace;
}

crash::CrashImage image(const crash::Trace& trace, size_t cut, std::vector<size_t> kept) {
  crash::CrashState s;
  s.cut = cut;
  for (const size_t r : kept) s.kept.push_back(crash::KeptWrite{r, crash::kWholeWrite});
  return crash::CrashImage(trace, s);
}

Recovered named(const std::string& name) {
  Recovered r;
  r.reason = name;
  return r;
}

TEST(RecoveryMemo, RecallsOnlyWhatAgreesOnTheVariableSectorsRead) {
  const crash::Trace trace = two_writes();
  const auto none = image(trace, 2, {}), a = image(trace, 2, {0}), b = image(trace, 2, {1}), ab = image(trace, 2, {0, 1});
  RecoveryMemo memo;
  EXPECT_EQ(memo.recall(none.view()), nullptr);
  memo.remember(none.view(), std::vector<uint64_t>{9, 2, 1}, named("read 2, saw the durable content"));
  ASSERT_NE(memo.recall(b.view()), nullptr);  // B changes sector 5 only, which that recovery never read
  EXPECT_EQ(memo.recall(b.view())->reason, "read 2, saw the durable content");
  EXPECT_EQ(memo.recall(a.view()), nullptr);  // A changes sector 2
  memo.remember(a.view(), std::vector<uint64_t>{2, 5}, named("read 2 and 5, saw A and the durable 5"));
  ASSERT_NE(memo.recall(a.view()), nullptr);
  EXPECT_EQ(memo.recall(a.view())->reason, "read 2 and 5, saw A and the durable 5");
  EXPECT_EQ(memo.recall(ab.view()), nullptr);  // agrees on 2, not on 5
  EXPECT_EQ(memo.conflicts(), 0u);
}

TEST(RecoveryMemo, APathThatDisagreesWithTheTreeIsAConflictNotAnEntry) {
  const crash::Trace trace = two_writes();
  const auto none = image(trace, 2, {}), b = image(trace, 2, {1});
  RecoveryMemo memo;
  memo.remember(none.view(), std::vector<uint64_t>{2}, named("first"));
  memo.remember(b.view(), std::vector<uint64_t>{5, 2}, named("read 5 first"));  // same contents so far, other sector
  EXPECT_EQ(memo.conflicts(), 1u);
  memo.remember(b.view(), std::vector<uint64_t>{2, 5}, named("read on past a leaf"));
  EXPECT_EQ(memo.conflicts(), 2u);
  ASSERT_NE(memo.recall(b.view()), nullptr);
  EXPECT_EQ(memo.recall(b.view())->reason, "first");
}

TEST(RecoveryMemo, ANewCutStartsAnEmptyTree) {
  const crash::Trace trace = two_writes();
  RecoveryMemo memo;
  memo.remember(image(trace, 2, {}).view(), std::vector<uint64_t>{}, named("reads nothing variable"));
  EXPECT_NE(memo.recall(image(trace, 2, {0, 1}).view()), nullptr);
  EXPECT_EQ(memo.recall(image(trace, 1, {}).view()), nullptr);
  EXPECT_EQ(memo.recall(image(trace, 2, {}).view()), nullptr);  // cut 2's tree was dropped
}

TEST(RecoveryMemo, ProvenanceNamesTheWriteThatLeftASector) {
  const crash::Trace trace = two_writes();
  const auto a = image(trace, 2, {0});
  EXPECT_EQ(a.view().provenance(5), 0u);
  EXPECT_NE(a.view().provenance(2), 0u);
  EXPECT_NE(a.view().provenance(2), image(trace, 2, {1}).view().provenance(5));
}

// --- memoisation on and off, through the real pipeline ---------------------

const std::string kCorpus = std::string(STABLECUT_SOURCE_DIR) + "/corpus/workloads";

struct Judged {
  std::vector<std::string> verdicts;  // one line per state, in enumeration order
  ExploreResult result;
};

Judged judge(const Workload& w, const SeededBugs& bugs, uint64_t max_states, bool memoise) {
  const Recording rec = record_inproc(w, bugs);
  Judged out;
  ExploreOptions o;
  o.enumerate.modes = test::enumerated_modes();
  o.max_states = max_states;
  o.memoise = memoise;
  o.observe = [&](const LegalWindow&, const Verdict& v) {
    std::string line = std::string(outcome_name(v.outcome)) + " " + std::to_string(v.matched) + " " + v.reason;
    for (const auto& f : v.fsck) line += " | " + f;
    out.verdicts.push_back(std::move(line));
  };
  out.result = explore_inproc(w, bugs, rec, o);
  return out;
}

// The first state whose verdict differs, as a message; "" if none does.
std::string first_difference(const Judged& on, const Judged& off) {
  const size_t n = std::min(on.verdicts.size(), off.verdicts.size());
  for (size_t i = 0; i < n; ++i)
    if (on.verdicts[i] != off.verdicts[i])
      return "state " + std::to_string(i) + ": memo on '" + on.verdicts[i] + "', off '" + off.verdicts[i] + "'";
  if (on.verdicts.size() != off.verdicts.size())
    return std::to_string(on.verdicts.size()) + " states judged with the memo, " + std::to_string(off.verdicts.size()) +
           " without";
  return "";
}

constexpr uint64_t kStatesPerWorkload = 1500;

TEST(RecoveryMemoVerdicts, EveryShippedWorkloadInEveryModeIsJudgedAlikeOnAndOff) {
  uint64_t recalled = 0, states = 0;
  for (const auto& entry : campaign::load_corpus(kCorpus, "")) {
    const Judged on = judge(entry.workload, SeededBugs{}, kStatesPerWorkload, true);
    const Judged off = judge(entry.workload, SeededBugs{}, kStatesPerWorkload, false);
    EXPECT_EQ(first_difference(on, off), "") << entry.workload.name;
    EXPECT_EQ(on.result.illegal, off.result.illegal) << entry.workload.name;
    EXPECT_EQ(off.result.recalled, 0u) << entry.workload.name;
    recalled += on.result.recalled;
    states += on.result.states;
  }
  EXPECT_GT(recalled, states / 4) << "the memo decided " << recalled << " of " << states << " states";
}

// Every seeded bug with the first kBugWorkloads corpus workloads that run
// its program (a kernel bug: of the whole corpus).
constexpr size_t kBugWorkloads = 2;
constexpr uint64_t kStatesPerBugWorkload = 1200;

TEST(RecoveryMemoVerdicts, EverySeededBugIsJudgedAlikeOnAndOff) {
  uint64_t illegal = 0;
  for (const auto& [bug, program] : test::seeded_bugs_with_programs()) {
    SeededBugs bugs;
    enable_seeded_bug(&bugs, bug);
    const campaign::Corpus corpus = campaign::load_corpus(kCorpus, program);
    for (size_t i = 0; i < std::min(kBugWorkloads, corpus.size()); ++i) {
      const Workload& w = corpus[i].workload;
      const Judged on = judge(w, bugs, kStatesPerBugWorkload, true);
      const Judged off = judge(w, bugs, kStatesPerBugWorkload, false);
      EXPECT_EQ(first_difference(on, off), "") << bug << " on " << w.name;
      illegal += on.result.illegal;
    }
  }
  EXPECT_GT(illegal, 0u);
}

}  // namespace
}  // namespace sc

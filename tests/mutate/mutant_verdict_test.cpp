// mutant_verdict_test.cpp — the checker's own logic decides a mutant: one
// that matters (the flush before the root page is published, dropped) is
// killed; one that no crash state can distinguish (the last cut record
// written without FUA, followed at once by the flush of a crash step) is
// equivalent, with identical sets of reachable crash images as evidence; one
// whose images differ but whose every recovery the original also makes under
// the same legal window (a flush another manager's flush makes redundant) is
// equivalent on the recovery set.
#include <gtest/gtest.h>

#include <algorithm>

#include "injector/inproc/explore.h"
#include "injector/inproc/recording.h"
#include "injector/mutate/image_set.h"
#include "injector/mutate/mutant_check.h"
#include "injector/mutate/site_census.h"
#include "injector/mutate/survivor_hint.h"
#include "injector/workload/workload_file.h"

namespace sc {
namespace {

Workload load(const std::string& path) { return load_workload_file(std::string(STABLECUT_SOURCE_DIR) + "/" + path); }

crash::EnumeratorOptions enumeration() {
  crash::EnumeratorOptions e;
  e.seed = 1;
  return e;
}

std::vector<uint64_t> images_of(const Workload& w, MutantRun* run) {
  return mutate::reachable_images(record_inproc(w, SeededBugs{}, run), enumeration());
}

mutate::RecoverySet recoveries_of(const Workload& w) {
  mutate::RecoveryCollector seen;
  ExploreOptions options;
  options.enumerate = enumeration();
  options.observe = seen.observer();
  explore_inproc(w, SeededBugs{}, record_inproc(w, SeededBugs{}), options);
  return seen.take();
}

mutate::MutantOutcome check(const Workload& w, const mutate::MutantCase& c) {
  const SeededBugs bugs;
  const auto original = images_of(w, nullptr);
  const auto recoveries = recoveries_of(w);
  const mutate::MutantCheckContext ctx{w, bugs, original, recoveries, enumeration(), {}};
  const auto outcome = mutate::check_mutant(ctx, c);
  EXPECT_TRUE(outcome.has_value());
  return outcome.value_or(mutate::MutantOutcome{});
}

TEST(MutantVerdict, DroppingTheFlushBeforePublicationIsKilled) {
  const Workload w = load("corpus/workloads/basic.json");
  const auto publish = mutate::census(w, 0, SeededBugs{}, "shadow", {MutantOp::publish_early});
  ASSERT_FALSE(publish.empty());
  mutate::MutantCase drop = publish.front();
  drop.op = MutantOp::drop_flush;
  const auto out = check(w, drop);
  EXPECT_EQ(out.verdict, mutate::MutantVerdict::killed) << out.evidence;
  EXPECT_FALSE(out.evidence.empty());
  EXPECT_EQ(check(w, publish.front()).verdict, mutate::MutantVerdict::killed);
}

TEST(MutantVerdict, ACutRecordFlushedRightAfterwardsIsEquivalent) {
  const Workload w = load("tests/mutate/idle_stabilise.json");
  const auto cuts = mutate::census(w, 0, SeededBugs{}, "kernel", {MutantOp::kernel_drop_fua_cut});
  ASSERT_EQ(cuts.size(), 2u);
  const auto last = check(w, cuts.back());
  EXPECT_EQ(last.verdict, mutate::MutantVerdict::equivalent) << last.evidence;
  EXPECT_EQ(last.images, last.original_images);
  MutantRun run(MutantPlan{true, cuts.back().op, cuts.back().site});
  EXPECT_EQ(images_of(w, &run), images_of(w, nullptr)) << "the evidence: identical reachable crash images";
  EXPECT_TRUE(run.applied());
  const auto first = check(w, cuts.front());
  EXPECT_NE(first.verdict, mutate::MutantVerdict::equivalent) << "a later stabilisation follows the first cut";
}

TEST(MutantVerdict, AFlushTheNeighboursFlushMakesRedundantIsEquivalentOnItsRecoveries) {
  const Workload w = load("corpus/workloads/journal_with_shadow.json");
  const auto flushes = mutate::census(w, 0, SeededBugs{}, "journal", {MutantOp::drop_flush});
  const MutantSite masked{0, 1, 8};  // the journal's flush, followed by the shadow manager's in the same cut
  const auto it = std::find_if(flushes.begin(), flushes.end(), [&](const auto& c) { return c.site == masked; });
  ASSERT_NE(it, flushes.end());
  const auto out = check(w, *it);
  EXPECT_EQ(out.verdict, mutate::MutantVerdict::equivalent) << out.evidence;
  EXPECT_NE(out.images, out.original_images) << "the images differ: the evidence is the recovery set";
  EXPECT_NE(out.evidence.find("no crash state tells it apart"), std::string::npos) << out.evidence;
  const Workload alone = load("corpus/workloads/journal_basic.json");
  const auto basic = mutate::census(alone, 0, SeededBugs{}, "journal", {MutantOp::drop_flush});
  ASSERT_FALSE(basic.empty());
  EXPECT_EQ(check(alone, basic.front()).verdict, mutate::MutantVerdict::killed) << "the same flush, alone, matters";
}

TEST(MutantVerdict, ASurvivorGetsAHintDerivedFromWhatWasExplored) {
  mutate::SurvivorEvidence e;
  e.op = MutantOp::drop_flush;
  e.states = 12;
  e.new_images = 3;
  const std::string without_reorder = mutate::survivor_hint(e);
  EXPECT_NE(without_reorder.find("--modes reorder"), std::string::npos) << without_reorder;
  e.modes.set(static_cast<size_t>(crash::Mode::reorder));
  const std::string with_reorder = mutate::survivor_hint(e);
  EXPECT_EQ(with_reorder.find("--modes reorder"), std::string::npos) << with_reorder;
  EXPECT_NE(with_reorder.find("12 states checked"), std::string::npos) << with_reorder;
}

}  // namespace
}  // namespace sc

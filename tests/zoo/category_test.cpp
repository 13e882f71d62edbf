// category_test.cpp — the category each zoo bug claims is true of it (each is
// found where it should be by found_test.cpp; here, it is not found where it
// should not be):
//  - shadow-recover-frees-data only shows after crash → recover → more work
//    → stabilise → crash: the same workload with its crash steps removed
//    (one long run of the same work) is legal;
//  - journal-unflushed-apply needs a reordering of in-flight writes: prefix
//    states (nothing or everything in flight kept) are legal;
//  - journal-skip-by-ends needs a torn write: prefix and reorder states are
//    legal;
//  - kernel-snapshot-parent-first is a bug of the manager hierarchy: legal
//    with no managed manager (basic; found on hierarchy);
//  - kernel-cut-drops-idle-managers is in the kernel's cut records: legal with
//    one self-managing manager (basic; found on concurrent_loci, whose two
//    managers stabilise apart).
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/zoo/zoo_explore.h"

namespace sc::zoo {
namespace {

using crash::Mode;

Workload without_crash_steps(Workload w) {
  std::erase_if(w.steps, [](const Step& s) { return s.crash; });
  return w;
}

TEST(ZooCategory, RecoveryBugNeedsACrashBeforeTheFailingCut) {
  const Workload w = corpus("crash_cycles");
  ASSERT_TRUE(std::any_of(w.steps.begin(), w.steps.end(), [](const Step& s) { return s.crash; }));
  const ExploreResult straight = explore(without_crash_steps(w), "shadow-recover-frees-data", crash::power_cut_modes());
  EXPECT_GT(straight.states, 0u);
  EXPECT_EQ(straight.illegal, 0u) << (straight.failures.empty() ? "" : straight.failures.front().signature);
}

TEST(ZooCategory, ReorderBugIsNotFoundByPrefixStates) {
  const Workload w = corpus("journal_basic");
  EXPECT_EQ(explore(w, "journal-unflushed-apply", crash::only(Mode::prefix)).illegal, 0u);
}

TEST(ZooCategory, TornBugIsNotFoundByPrefixOrReorderStates) {
  const Workload w = corpus("journal_basic");
  EXPECT_EQ(explore(w, "journal-skip-by-ends", modes({Mode::prefix, Mode::reorder})).illegal, 0u);
}

TEST(ZooCategory, HierarchyBugNeedsAManagedManager) {
  EXPECT_EQ(explore(corpus("basic"), "kernel-snapshot-parent-first", crash::power_cut_modes()).illegal, 0u);
}

TEST(ZooCategory, CutRecordBugNeedsManagersThatStabiliseApart) {
  EXPECT_EQ(explore(corpus("basic"), "kernel-cut-drops-idle-managers", crash::power_cut_modes()).illegal, 0u);
}

}  // namespace
}  // namespace sc::zoo

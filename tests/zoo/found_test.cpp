// found_test.cpp — every bug of the seeded-bug zoo added for issue #14 is
// found by the checker's own logic: recording and exploring its workload in
// the crash modes it needs (`run --workload W --bug NAME --modes M`) with the
// bug turned on gives illegal outcomes, and the same workload without the
// bug gives none (its first 2000 states in every mode; the corpus tests of
// tests/explore and tests/journal check more).
#include <gtest/gtest.h>

#include <ostream>

#include "tests/zoo/zoo_explore.h"
#include "tests/support/param_name.h"

namespace sc::zoo {
namespace {

struct BugCase {
  const char* bug;
  const char* workload;
  crash::ModeSet modes;
};

void PrintTo(const BugCase& c, std::ostream* out) { *out << c.bug << " on " << c.workload; }

class ZooBug : public ::testing::TestWithParam<BugCase> {};

TEST_P(ZooBug, FoundOnItsWorkload) {
  const ExploreResult r = explore(corpus(GetParam().workload), GetParam().bug, GetParam().modes);
  EXPECT_GT(r.illegal, 0u) << GetParam().bug << " was not found on " << GetParam().workload;
}

TEST_P(ZooBug, TheSameWorkloadWithoutTheBugIsLegal) {
  const ExploreResult r = explore(corpus(GetParam().workload), "", crash::power_cut_modes(), 2000);
  EXPECT_GT(r.states, 0u);
  EXPECT_EQ(r.illegal, 0u) << (r.failures.empty() ? "" : r.failures.front().signature);
}

INSTANTIATE_TEST_SUITE_P(Bugs, ZooBug,
                         ::testing::Values(
                             BugCase{"shadow-recover-frees-data", "crash_cycles", crash::power_cut_modes()},
                             BugCase{"kernel-snapshot-parent-first", "hierarchy", crash::power_cut_modes()},
                             BugCase{"journal-unflushed-apply", "journal_basic", crash::only(crash::Mode::reorder)},
                             BugCase{"journal-skip-by-ends", "journal_basic", crash::only(crash::Mode::torn)},
                             BugCase{"kernel-cut-drops-idle-managers", "concurrent_loci", crash::power_cut_modes()}),
                         sc::test::named_by_bug);

}  // namespace
}  // namespace sc::zoo

// listing_test.cpp — the zoo as users see it: `stablecut managers` lists
// every seeded bug the registry and the kernel declare (seeded_bug_names()),
// and the zoo holds at least twelve, with bugs of the kernel, the shadow and
// the journal manager.
#include <gtest/gtest.h>

#include <algorithm>

#include "injector/common/seeded_bugs.h"
#include "tests/support/run_binary.h"

namespace sc::zoo {
namespace {

size_t count_prefixed(const std::vector<std::string>& names, const std::string& prefix) {
  return static_cast<size_t>(
      std::count_if(names.begin(), names.end(), [&](const std::string& n) { return n.rfind(prefix, 0) == 0; }));
}

TEST(ZooListing, ManagersCommandListsEverySeededBug) {
  const auto r = test::run_binary(STABLECUT_BIN, "managers");
  ASSERT_EQ(r.code, 0) << r.out;
  for (const std::string& name : seeded_bug_names()) EXPECT_NE(r.out.find(name), std::string::npos) << name;
}

TEST(ZooListing, AtLeastTwelveBugsAcrossKernelShadowAndJournal) {
  const auto names = seeded_bug_names();
  EXPECT_GE(names.size(), 12u);
  EXPECT_GE(count_prefixed(names, "kernel-"), 3u);
  EXPECT_GE(count_prefixed(names, "shadow-"), 3u);
  EXPECT_GE(count_prefixed(names, "journal-"), 4u);
}

}  // namespace
}  // namespace sc::zoo

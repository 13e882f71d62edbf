// detect_pass_test.cpp — the rule that decides bench detect's exit code:
// a bug row passes only if the bug was detected and its first failure gave
// the same verdict on the other tier (when replayed); the correct system's
// row passes only without an illegal state.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "injector/campaign/detect.h"

namespace {

using sc::campaign::DetectRow;
using sc::campaign::kCorrectSystem;
using sc::campaign::passed;

DetectRow detected_bug() {
  DetectRow row{"some-bug", "all", {}};
  row.result.detected = true;
  row.result.illegal = 3;
  row.result.first_case_id = 7;
  row.result.replay = sc::results::DetectReplay{sc::results::Tier::qemu, sc::Outcome::lost, false, true};
  return row;
}

TEST(DetectPass, ABugPassesWhenDetectedAndItsReplayAgrees) {
  EXPECT_TRUE(passed(detected_bug()));
  DetectRow unreplayed = detected_bug();
  unreplayed.result.replay.reset();
  EXPECT_TRUE(passed(unreplayed));
}

TEST(DetectPass, AMissedBugFails) {
  DetectRow row{"some-bug", "all", {}};
  row.result.states = 1000;
  EXPECT_FALSE(passed(row));
}

TEST(DetectPass, AReplayWithAnotherVerdictFails) {
  DetectRow row = detected_bug();
  row.result.replay->agrees = false;
  EXPECT_FALSE(passed(row));
}

TEST(DetectPass, TheCorrectSystemFailsOnAnyIllegalState) {
  DetectRow clean{kCorrectSystem, "all", {}};
  clean.result.states = 5000;
  EXPECT_TRUE(passed(clean));
  DetectRow false_positive = clean;
  false_positive.result.detected = true;
  false_positive.result.illegal = 1;
  EXPECT_FALSE(passed(false_positive));
}

}  // namespace

// Without --bug, every seeded bug runs in-process; under QEMU the bugs only
// the in-process call-fault modes find are left out, and a bug that also
// declares other modes stays.
TEST(DetectTargets, QemuLeavesOutTheBugsOnlyInProcessModesFind) {
  sc::tier::TierSpec inproc;
  sc::tier::TierSpec qemu;
  qemu.kind = sc::tier::Kind::qemu;
  const auto all = sc::campaign::detect_targets({}, inproc);
  const auto under_qemu = sc::campaign::detect_targets({}, qemu);
  const auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  for (const char* bug : {"kernel-disk-bound-off-by-one", "shadow-unchecked-read-page"}) {
    EXPECT_TRUE(has(all, bug)) << bug;
    EXPECT_FALSE(has(under_qemu, bug)) << bug;
    EXPECT_TRUE(sc::campaign::in_process_only(bug)) << bug;
  }
  EXPECT_TRUE(has(under_qemu, "shadow-trust-data"));
  EXPECT_FALSE(sc::campaign::in_process_only("shadow-trust-data"));
  EXPECT_FALSE(sc::campaign::in_process_only("kernel-overwrite-root-copy"));
  EXPECT_EQ(all.size(), under_qemu.size() + 2);
}

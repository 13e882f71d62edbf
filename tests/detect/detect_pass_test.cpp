// detect_pass_test.cpp — the rule that decides bench detect's exit code:
// a bug row passes only if the bug was detected and its first failure gave
// the same verdict on the other tier (when replayed); the correct system's
// row passes only without an illegal state.
#include <gtest/gtest.h>

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

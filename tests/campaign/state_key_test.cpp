// state_key_test.cpp — the stored name of a crash state reads back as the
// same state, and anything but the exact spelling state_key() writes is
// refused.
#include <gtest/gtest.h>

#include "injector/campaign/state_key.h"

namespace sc::campaign::testing {

namespace {

TEST(CampaignStateKey, RoundTrips) {
  const crash::CrashState states[] = {
      {7, crash::Mode::prefix, {}, {}},
      {8, crash::Mode::torn, {{0, 0x3c}}, {}},
      {19, crash::Mode::reorder, {{0, crash::kWholeWrite}, {4, 0x1}, {7, 0}}, {}},
  };
  for (const auto& s : states) {
    const std::string key = state_key(s);
    const auto back = parse_state_key(key);
    ASSERT_TRUE(back.has_value()) << key;
    EXPECT_EQ(*back, s) << key;
  }
  EXPECT_EQ(state_key(states[1]), "cut=8 kind=torn kept=0:0x3c");
}

TEST(CampaignStateKey, RefusesAnythingElse) {
  for (const char* key : {"", "cut=7", "cut=7 kind=prefix", "cut=x kind=prefix kept=", "cut=7 kind=sideways kept=",
                          "cut=7 kind=torn kept=0", "cut=7 kind=torn kept=0:3c", "cut=7 kind=torn kept=0:0x3c,",
                          "cut=07 kind=prefix kept=", "cut=7 kind=torn kept=0:0x3C", " cut=7 kind=prefix kept="})
    EXPECT_FALSE(parse_state_key(key).has_value()) << key;
}

}  // namespace

}  // namespace sc::campaign::testing

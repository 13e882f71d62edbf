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
      {20, crash::Mode::bit_rot, {{18, crash::kWholeWrite}}, {{crash::Mode::bit_rot, 3, 40, 4095}}},
      {21, crash::Mode::misdirected, {}, {{crash::Mode::misdirected, 2, 9, 0}, {crash::Mode::misdirected, 5, 11, 0}}},
  };
  for (const auto& s : states) {
    const std::string key = state_key(s);
    const auto back = parse_state_key(key);
    ASSERT_TRUE(back.has_value()) << key;
    EXPECT_EQ(*back, s) << key;
  }
  EXPECT_EQ(state_key(states[1]), "cut=8 kind=torn kept=0:0x3c");
  EXPECT_EQ(state_key(states[3]), "cut=20 kind=bit-rot kept=18:0xffffffffffffffff faults=bit-rot:3:40:4095");
}

TEST(CampaignStateKey, RefusesAnythingElse) {
  for (const char* key : {"", "cut=7", "cut=7 kind=prefix", "cut=x kind=prefix kept=", "cut=7 kind=sideways kept=",
                          "cut=7 kind=torn kept=0", "cut=7 kind=torn kept=0:3c", "cut=7 kind=torn kept=0:0x3c,",
                          "cut=07 kind=prefix kept=", "cut=7 kind=torn kept=0:0x3C", " cut=7 kind=prefix kept=",
                          "cut=7 kind=bit-rot kept= faults=", "cut=7 kind=bit-rot kept= faults=bit-rot:1:2",
                          "cut=7 kind=bit-rot kept= faults=rot:1:2:3", "cut=7 kind=bit-rot kept= faults=bit-rot:1:2:3,"})
    EXPECT_FALSE(parse_state_key(key).has_value()) << key;
}

}  // namespace

}  // namespace sc::campaign::testing

// Capability table: forged, stale and under-privileged caprefs are refused.
#include <gtest/gtest.h>

#include "kernel/core/cap_table.h"

namespace sc {
namespace {

class CapTableTest : public ::testing::Test {
 protected:
  void SetUp() override { caps.reset(); }
  CapTable caps;
};

TEST_F(CapTableTest, MintedCaprefChecksWithItsRights) {
  Capref cap;
  ASSERT_EQ(caps.mint(3, kRightRead | kRightWrite, &cap), Status::ok);
  ContainerId id = kNoContainer;
  EXPECT_EQ(caps.check(cap, kRightRead, &id), Status::ok);
  EXPECT_EQ(id, 3);
  EXPECT_EQ(caps.check(cap, kRightRead | kRightWrite, &id), Status::ok);
}

TEST_F(CapTableTest, MissingRightIsNoRights) {
  Capref cap;
  ASSERT_EQ(caps.mint(1, kRightRead, &cap), Status::ok);
  ContainerId id;
  EXPECT_EQ(caps.check(cap, kRightWrite, &id), Status::no_rights);
  EXPECT_EQ(caps.check(cap, kRightSnapshot, &id), Status::no_rights);
}

TEST_F(CapTableTest, ForgedSlotOrGenerationIsBadCapref) {
  Capref cap;
  ASSERT_EQ(caps.mint(1, kRightRead, &cap), Status::ok);
  ContainerId id;
  EXPECT_EQ(caps.check(Capref{kMaxCaps + 5, cap.generation}, kRightRead, &id), Status::bad_capref);
  EXPECT_EQ(caps.check(Capref{0xffffffffu, 0}, kRightRead, &id), Status::bad_capref);
  EXPECT_EQ(caps.check(Capref{cap.slot, cap.generation + 1}, kRightRead, &id), Status::bad_capref);
  EXPECT_EQ(caps.check(Capref{cap.slot + 1, cap.generation}, kRightRead, &id), Status::bad_capref);
}

TEST_F(CapTableTest, RevokedContainerMakesCaprefStale) {
  Capref cap;
  ASSERT_EQ(caps.mint(2, kRightRead, &cap), Status::ok);
  caps.revoke_container(2);
  ContainerId id;
  EXPECT_EQ(caps.check(cap, kRightRead, &id), Status::bad_capref);
  Capref again;
  ASSERT_EQ(caps.mint(2, kRightRead, &again), Status::ok);
  EXPECT_NE(again.generation, cap.generation);
  EXPECT_EQ(caps.check(cap, kRightRead, &id), Status::bad_capref);
}

TEST_F(CapTableTest, FullTableIsNoSpaceNotOverflow) {
  Capref cap;
  for (uint32_t i = 0; i < kMaxCaps; ++i) ASSERT_EQ(caps.mint(static_cast<ContainerId>(i % 32), static_cast<uint8_t>(1 + i / 32), &cap), Status::ok);
  EXPECT_EQ(caps.mint(0, 0xf0, &cap), Status::no_space);
}

}  // namespace
}  // namespace sc

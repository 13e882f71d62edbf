// manager_programs_test.cpp — the one binding of entry ids to manager
// programs (kernel/harness/manager_programs.h), which both platforms use:
// each known entry names its own constructor, an unknown entry names none,
// and the hosted platform binds exactly what the table names (the riscv64
// platform is covered by the QEMU-tier tests).
#include <gtest/gtest.h>

#include "kernel/harness/manager_programs.h"
#include "managers/programs.h"
#include "tests/core/test_system.h"

namespace sc::test {
namespace {

TEST(ManagerPrograms, EveryKnownEntryHasItsOwnConstructor) {
  const ManagerConstructor shadow = manager_constructor(kEntryShadowManager);
  const ManagerConstructor ordinary = manager_constructor(kEntryOrdinaryManager);
  ASSERT_NE(shadow, nullptr);
  ASSERT_NE(ordinary, nullptr);
  EXPECT_NE(shadow, ordinary);
}

TEST(ManagerPrograms, AnUnknownEntryHasNone) {
  for (uint32_t entry : {0u, 1u, kEntryShadowManager + 1, kEntryOrdinaryManager ^ 0xff000000u})
    EXPECT_EQ(manager_constructor(entry), nullptr) << std::hex << entry;
}

TEST(ManagerPrograms, HostedPlatformBindsWhatTheTableNames) {
  TestSystem sys(workload_from(kOneManager));
  HostedPlatform& platform = sys.runner.machine().platform();
  EXPECT_NE(platform.bind_program(0, kEntryShadowManager), nullptr);
  EXPECT_NE(platform.bind_program(1, kEntryOrdinaryManager), nullptr);
  EXPECT_EQ(platform.bind_program(1, 0x12345678u), nullptr);
  EXPECT_EQ(platform.bind_program(kMaxManagers, kEntryShadowManager), nullptr);
}

}  // namespace
}  // namespace sc::test

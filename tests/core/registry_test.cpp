// registry_test.cpp — the manager registry (managers/registry/registry.h)
// both platforms and the injector use: it keeps its invariant, every
// registered program is found by name and by entry, unknown ones are not,
// and the hosted platform binds exactly the program an entry names.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "injector/common/input_error.h"
#include "injector/common/seeded_bugs.h"
#include "managers/registry/format_checks.h"
#include "managers/registry/registry_checks.h"
#include "tests/core/test_system.h"

namespace sc::test {
namespace {

TEST(ManagerRegistry, KeepsItsInvariant) {
  const char* problem = registry_problem();
  EXPECT_EQ(problem, nullptr) << problem;
}

TEST(ManagerRegistry, ListsTheInTreeManagers) {
  std::set<std::string> names;
  for (uint32_t i = 0; i < registered_manager_count(); ++i) names.insert(registered_manager(i).name);
  EXPECT_TRUE(names.count("shadow"));
  EXPECT_TRUE(names.count("ordinary"));
}

TEST(ManagerRegistry, FindsEveryProgramByNameAndEntry) {
  for (uint32_t i = 0; i < registered_manager_count(); ++i) {
    const ManagerProgram& p = registered_manager(i);
    EXPECT_EQ(find_manager_program(p.name), &p) << p.name;
    EXPECT_EQ(find_manager_program(p.entry), &p) << p.name;
    for (uint32_t b = 0; b < p.bug_count; ++b) EXPECT_EQ(find_manager_bug(p.bugs[b].name).program, &p);
  }
}

TEST(ManagerRegistry, FindsNothingUnknown) {
  EXPECT_EQ(find_manager_program("no-such-manager"), nullptr);
  EXPECT_EQ(find_manager_program(""), nullptr);
  EXPECT_EQ(find_manager_program(0u), nullptr);
  EXPECT_EQ(find_manager_bug("no-such-bug").program, nullptr);
  EXPECT_EQ(find_format_check("no-such-manager"), nullptr);
}

TEST(ManagerRegistry, ShadowRegistersItsFormatCheckerAndOrdinaryNone) {
  EXPECT_NE(find_format_check("shadow"), nullptr);
  EXPECT_EQ(find_format_check("ordinary"), nullptr);
}

TEST(ManagerRegistry, HostedPlatformBindsWhatTheRegistryNames) {
  TestSystem sys(workload_from(kOneManager));
  HostedPlatform& platform = sys.runner.machine().platform();
  const uint32_t shadow = find_manager_program("shadow")->entry;
  const uint32_t ordinary = find_manager_program("ordinary")->entry;
  EXPECT_NE(platform.bind_program(0, shadow, 0), nullptr);
  EXPECT_NE(platform.bind_program(1, ordinary, 0), nullptr);
  EXPECT_EQ(platform.bind_program(1, 0x12345678u, 0), nullptr);
  EXPECT_EQ(platform.bind_program(kMaxManagers, shadow, 0), nullptr);
}

// Seeded bugs by name: every registered program's bugs are known, each
// turns on exactly its own bit of its own program, and the names stored
// before programs declared their own bugs still load.
TEST(SeededBugNames, EveryProgramBugTurnsOnItsOwnBit) {
  for (uint32_t i = 0; i < registered_manager_count(); ++i) {
    const ManagerProgram& p = registered_manager(i);
    for (uint32_t b = 0; b < p.bug_count; ++b) {
      SeededBugs bugs;
      enable_seeded_bug(&bugs, p.bugs[b].name);
      EXPECT_EQ(bugs.program_bits(p.name), p.bugs[b].mask) << p.bugs[b].name;
      EXPECT_EQ(bugs.programs.size(), 1u);
      EXPECT_EQ(enabled_bug_names(bugs), std::vector<std::string>{p.bugs[b].name});
    }
  }
}

TEST(SeededBugNames, OldNamesLoadAsTheShadowManagersBugs) {
  SeededBugs bugs;
  enable_seeded_bug(&bugs, "manager-skip-flush");
  enable_seeded_bug(&bugs, "manager-reuse-blocks");
  EXPECT_EQ(enabled_bug_names(bugs), (std::vector<std::string>{"shadow-skip-flush", "shadow-reuse-blocks"}));
}

TEST(SeededBugNames, AnUnknownNameIsAnInputErrorListingTheKnownOnes) {
  SeededBugs bugs;
  try {
    enable_seeded_bug(&bugs, "no-such-bug");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--bug no-such-bug: unknown bug; expected one of kernel-"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace sc::test

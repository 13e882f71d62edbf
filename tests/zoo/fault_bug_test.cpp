// fault_bug_test.cpp — every seeded bug that declares storage-fault modes
// (ManagerBug::modes, read from the manager registry, so a bug added there
// is tested here) is a mistake only those modes find: on the first corpus
// workload running its program, exploring with its modes gives illegal
// outcomes, and exploring with the power-cut modes (prefix, reorder, torn)
// gives none.
#include <gtest/gtest.h>

#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "injector/campaign/generator.h"
#include "managers/registry/registry.h"
#include "tests/support/param_name.h"
#include "tests/zoo/zoo_explore.h"

namespace sc::zoo {
namespace {

struct FaultBug {
  std::string bug;
  std::string program;
  crash::ModeSet modes;
};

void PrintTo(const FaultBug& b, std::ostream* out) { *out << b.bug; }

crash::ModeSet parse_modes(const std::string& list) {
  crash::ModeSet modes;
  std::stringstream in(list);
  std::string name;
  crash::Mode m;
  while (std::getline(in, name, ','))
    if (crash::parse_mode(name, &m)) modes.set(static_cast<size_t>(m));
  return modes;
}

std::vector<FaultBug> fault_bugs() {
  std::vector<FaultBug> out;
  for (uint32_t i = 0; i < registered_manager_count(); ++i) {
    const ManagerProgram& p = registered_manager(i);
    for (uint32_t b = 0; b < p.bug_count; ++b)
      if (*p.bugs[b].modes) out.push_back({p.bugs[b].name, p.name, parse_modes(p.bugs[b].modes)});
  }
  return out;
}

Workload first_workload_of(const std::string& program) {
  return campaign::load_corpus(std::string(STABLECUT_SOURCE_DIR) + "/corpus/workloads", program).front().workload;
}

class FaultModeBug : public ::testing::TestWithParam<FaultBug> {};

TEST_P(FaultModeBug, DeclaresModesThisBuildEnumerates) {
  ASSERT_TRUE(GetParam().modes.any()) << GetParam().bug;
  for (size_t m = 0; m < crash::kModeCount; ++m)
    if (GetParam().modes.test(m)) EXPECT_TRUE(crash::mode_enumerated(static_cast<crash::Mode>(m))) << crash::kModeNames[m];
}

TEST_P(FaultModeBug, FoundByItsModes) {
  const ExploreResult r = explore(first_workload_of(GetParam().program), GetParam().bug, GetParam().modes);
  EXPECT_GT(r.illegal, 0u) << GetParam().bug << " was not found by its modes";
}

TEST_P(FaultModeBug, NotFoundByPowerCuts) {
  const ExploreResult r = explore(first_workload_of(GetParam().program), GetParam().bug, crash::power_cut_modes());
  EXPECT_GT(r.states, 0u);
  EXPECT_EQ(r.illegal, 0u) << (r.failures.empty() ? "" : r.failures.front().signature);
}

INSTANTIATE_TEST_SUITE_P(Registry, FaultModeBug, ::testing::ValuesIn(fault_bugs()), sc::test::named_by_bug);

}  // namespace
}  // namespace sc::zoo

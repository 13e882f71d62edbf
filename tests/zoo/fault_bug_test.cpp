// fault_bug_test.cpp — every seeded bug that declares fault modes
// (seeded_bug_modes(): ManagerBug::modes from the manager registry, or the
// kernel bug's own list, so a bug added there is tested here) is a mistake
// only those modes find: for each declared mode alone, some corpus workload
// running its program (any workload for a kernel bug; the first, in corpus
// order, where the mode finds it) gives illegal outcomes, and exploring that
// workload with the power-cut modes (prefix, reorder, torn) gives none.
#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "injector/campaign/generator.h"
#include "managers/registry/registry.h"
#include "managers/registry/registry_checks.h"
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
  for (const std::string& name : seeded_bug_names()) {
    const std::string modes = seeded_bug_modes(name);
    const FoundBug found = find_manager_bug(name.c_str());
    if (!modes.empty()) out.push_back({name, found.program == nullptr ? "" : found.program->name, parse_modes(modes)});
  }
  return out;
}

constexpr uint64_t kStatesPerWorkload = 1500;

// The first corpus workload running `b.program` (any, for a kernel bug)
// where `modes` find b, if any.
std::optional<Workload> workload_finding(const FaultBug& b, crash::ModeSet modes) {
  for (const auto& entry : campaign::load_corpus(std::string(STABLECUT_SOURCE_DIR) + "/corpus/workloads", b.program))
    if (explore(entry.workload, b.bug, modes, kStatesPerWorkload).illegal > 0) return entry.workload;
  return std::nullopt;
}

class FaultModeBug : public ::testing::TestWithParam<FaultBug> {};

TEST_P(FaultModeBug, DeclaresModesThisBuildEnumerates) {
  ASSERT_TRUE(GetParam().modes.any()) << GetParam().bug;
  for (size_t m = 0; m < crash::kModeCount; ++m)
    if (GetParam().modes.test(m)) EXPECT_TRUE(crash::mode_enumerated(static_cast<crash::Mode>(m))) << crash::kModeNames[m];
}

TEST_P(FaultModeBug, FoundByEachOfItsModesAndNotByPowerCuts) {
  for (size_t m = 0; m < crash::kModeCount; ++m) {
    if (!GetParam().modes.test(m)) continue;
    const std::optional<Workload> w = workload_finding(GetParam(), crash::only(static_cast<crash::Mode>(m)));
    EXPECT_TRUE(w) << GetParam().bug << " was not found by " << crash::kModeNames[m] << " on any corpus workload of "
                   << GetParam().program;
    if (!w) continue;
    const ExploreResult r = explore(*w, GetParam().bug, crash::power_cut_modes());
    EXPECT_GT(r.states, 0u);
    EXPECT_EQ(r.illegal, 0u) << w->name << ": " << (r.failures.empty() ? "" : r.failures.front().signature);
  }
}

INSTANTIATE_TEST_SUITE_P(Registry, FaultModeBug, ::testing::ValuesIn(fault_bugs()), sc::test::named_by_bug);

}  // namespace
}  // namespace sc::zoo

// seeded_bug_programs.h — every seeded bug with the manager program it
// belongs to ("" for a kernel bug, which acts on every workload), for the
// explore tests that run each bug on the corpus workloads of its program.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "injector/common/seeded_bugs.h"
#include "managers/registry/registry.h"

namespace sc::test {

inline std::vector<std::pair<std::string, std::string>> seeded_bugs_with_programs() {
  std::vector<std::pair<std::string, std::string>> out;
  for (uint32_t i = 0; i < registered_manager_count(); ++i) {
    const ManagerProgram& p = registered_manager(i);
    for (uint32_t b = 0; b < p.bug_count; ++b) out.emplace_back(p.bugs[b].name, p.name);
  }
  for (const auto& name : seeded_bug_names())
    if (!kernel_bug_description(name).empty()) out.emplace_back(name, "");
  return out;
}

}  // namespace sc::test

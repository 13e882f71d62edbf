// explore_test_inputs.h — what several explore tests run: every mode the
// explore loop enumerates (crash::judged_on_trace_images: read-error,
// io-error, call-error and call-misuse have explorers of their own), and every seeded bug with the
// manager program it belongs to ("" for a kernel bug, which acts on every
// workload).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "injector/common/seeded_bugs.h"
#include "injector/crash/crash_model.h"
#include "injector/crash/fault_image.h"
#include "managers/registry/registry.h"

namespace sc::test {

inline crash::ModeSet enumerated_modes() {
  crash::ModeSet modes;
  for (size_t m = 0; m < crash::kModeCount; ++m) {
    const auto mode = static_cast<crash::Mode>(m);
    if (crash::mode_enumerated(mode) && crash::judged_on_trace_images(mode)) modes.set(m);
  }
  return modes;
}

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

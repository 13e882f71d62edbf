// seeded_bugs.h — the names of the seeded protocol bugs, for --bug flags,
// trace files and results. One table maps each name to its switch in
// KernelBugs or ManagerBugs.
#pragma once
#include <string>
#include <vector>

#include "kernel/core/boot_config.h"
#include "managers/programs.h"

namespace sc {

struct SeededBugs {
  KernelBugs kernel;
  ManagerBugs manager;
};

std::vector<std::string> seeded_bug_names();
// Turns on the named bug; throws InputError for an unknown name.
void enable_seeded_bug(SeededBugs* bugs, const std::string& name);
std::vector<std::string> enabled_bug_names(const SeededBugs& bugs);

}  // namespace sc

// seeded_bugs.h — the seeded protocol bugs by name, for --bug flags, trace
// files and results: the kernel's own (KernelBugs) and those every manager
// program declares in its registry entry (managers/registry/registry.h),
// each a bit of that program's bug set.
// Names written before programs declared their own bugs
// ("manager-skip-flush", "manager-reuse-blocks") still load, as the shadow
// manager's bugs of today.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "kernel/core/boot_config.h"

namespace sc {

struct SeededBugs {
  KernelBugs kernel;
  std::map<std::string, uint32_t> programs;  // program name -> its bug bits (absent = none)

  uint32_t program_bits(const std::string& program) const {
    auto it = programs.find(program);
    return it == programs.end() ? 0 : it->second;
  }
};

// Every seeded bug: the kernel's, then each registered program's.
std::vector<std::string> seeded_bug_names();
// One line on what the kernel's seeded bug `name` does; empty for any other name.
std::string kernel_bug_description(const std::string& name);
// Turns on the named bug; throws InputError for an unknown name.
void enable_seeded_bug(SeededBugs* bugs, const std::string& name);
// The storage-fault modes that find seeded bug `name` beyond the power-cut
// modes, as its declaration names them (ManagerBug::modes, or the kernel
// bug's own list, "a,b"); empty
// for a bug the power cuts find and for any unknown name.
std::string seeded_bug_modes(const std::string& name);
// The names of the bugs turned on, in seeded_bug_names() order.
std::vector<std::string> enabled_bug_names(const SeededBugs& bugs);

}  // namespace sc

// seeded_bugs.cpp — see seeded_bugs.h.
#include "injector/common/seeded_bugs.h"

#include "injector/common/input_error.h"
#include "managers/registry/registry_checks.h"

namespace sc {

namespace {

struct KernelBug {
  const char* name;
  bool KernelBugs::*flag;
  const char* description;
  const char* modes = "";  // the fault modes that find it beyond the power cuts ("a,b")
};

const KernelBug kKernelBugs[] = {
    {"kernel-overwrite-root-copy", &KernelBugs::overwrite_live_root_copy,
     "writes the new root copy over the one the last durable cut names (breaks R1)"},
    {"kernel-recover-ignoring-cuts", &KernelBugs::recover_ignoring_cuts,
     "recovery restores each manager's newest valid root copy, mixing cuts"},
    {"kernel-snapshot-parent-first", &KernelBugs::snapshot_parent_first,
     "snapshots a self-managing manager before the managers below it, so their snapshot writes miss the cut"},
    {"kernel-cut-drops-idle-managers", &KernelBugs::cut_drops_idle_managers,
     "a cut record names only the managers that just stabilised; recovery restarts the others empty"},
    {"kernel-disk-bound-off-by-one", &KernelBugs::disk_bounds_off_by_one,
     "disk_read and disk_write accept the block just past the caller's partition, the next partition's first (breaks "
     "K4)",
     "call-misuse"},
};

struct LegacyName {
  const char* old_name;
  const char* name;
};

const LegacyName kLegacyNames[] = {
    {"manager-skip-flush", "shadow-skip-flush"},
    {"manager-reuse-blocks", "shadow-reuse-blocks"},
};

std::string current_name(const std::string& name) {
  for (const auto& l : kLegacyNames)
    if (name == l.old_name) return l.name;
  return name;
}

std::string known_names() {
  std::string known;
  for (const auto& n : seeded_bug_names()) known += (known.empty() ? "" : ", ") + n;
  return known;
}

}  // namespace

std::vector<std::string> seeded_bug_names() {
  std::vector<std::string> names;
  for (const auto& b : kKernelBugs) names.emplace_back(b.name);
  for (uint32_t i = 0; i < registered_manager_count(); ++i) {
    const ManagerProgram& p = registered_manager(i);
    for (uint32_t b = 0; b < p.bug_count; ++b) names.emplace_back(p.bugs[b].name);
  }
  return names;
}

std::string kernel_bug_description(const std::string& name) {
  for (const auto& b : kKernelBugs)
    if (name == b.name) return b.description;
  return "";
}

void enable_seeded_bug(SeededBugs* bugs, const std::string& given) {
  const std::string name = current_name(given);
  for (const auto& b : kKernelBugs) {
    if (name == b.name) {
      bugs->kernel.*b.flag = true;
      return;
    }
  }
  const FoundBug found = find_manager_bug(name.c_str());
  if (found.program == nullptr)
    throw InputError("--bug " + given + ": unknown bug; expected one of " + known_names());
  bugs->programs[found.program->name] |= found.bug->mask;
}

std::string seeded_bug_modes(const std::string& name) {
  for (const auto& b : kKernelBugs)
    if (current_name(name) == b.name) return b.modes;
  const FoundBug found = find_manager_bug(current_name(name).c_str());
  return found.bug == nullptr ? "" : found.bug->modes;
}

std::vector<std::string> enabled_bug_names(const SeededBugs& bugs) {
  std::vector<std::string> names;
  for (const auto& b : kKernelBugs)
    if (bugs.kernel.*b.flag) names.emplace_back(b.name);
  for (uint32_t i = 0; i < registered_manager_count(); ++i) {
    const ManagerProgram& p = registered_manager(i);
    for (uint32_t b = 0; b < p.bug_count; ++b)
      if (bugs.program_bits(p.name) & p.bugs[b].mask) names.emplace_back(p.bugs[b].name);
  }
  return names;
}

}  // namespace sc

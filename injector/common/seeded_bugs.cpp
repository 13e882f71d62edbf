// seeded_bugs.cpp — see seeded_bugs.h.
#include "injector/common/seeded_bugs.h"

#include "injector/common/input_error.h"

namespace sc {

namespace {

struct BugEntry {
  const char* name;
  bool* (*flag)(SeededBugs&);
};

const BugEntry kBugs[] = {
    {"kernel-overwrite-root-copy", [](SeededBugs& b) { return &b.kernel.overwrite_live_root_copy; }},
    {"kernel-recover-ignoring-cuts", [](SeededBugs& b) { return &b.kernel.recover_ignoring_cuts; }},
    {"manager-skip-flush", [](SeededBugs& b) { return &b.manager.skip_flush_before_root; }},
    {"manager-reuse-blocks", [](SeededBugs& b) { return &b.manager.reuse_retiring_blocks; }},
};

}  // namespace

std::vector<std::string> seeded_bug_names() {
  std::vector<std::string> names;
  for (const auto& b : kBugs) names.emplace_back(b.name);
  return names;
}

void enable_seeded_bug(SeededBugs* bugs, const std::string& name) {
  for (const auto& b : kBugs) {
    if (name == b.name) {
      *b.flag(*bugs) = true;
      return;
    }
  }
  std::string known;
  for (const auto& b : kBugs) known += (known.empty() ? "" : ", ") + std::string(b.name);
  throw InputError("--bug " + name + ": unknown bug; expected one of " + known);
}

std::vector<std::string> enabled_bug_names(const SeededBugs& bugs) {
  std::vector<std::string> names;
  SeededBugs copy = bugs;
  for (const auto& b : kBugs)
    if (*b.flag(copy)) names.emplace_back(b.name);
  return names;
}

}  // namespace sc

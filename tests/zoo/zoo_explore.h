// zoo_explore.h — the real in-process pipeline (record, then explore every
// crash state of the chosen modes) on a shipped workload with one seeded bug
// turned on, for the seeded-bug zoo tests. An empty bug name runs the
// correct system.
#pragma once
#include <string>

#include "injector/common/seeded_bugs.h"
#include "injector/inproc/explore.h"
#include "injector/inproc/recording.h"
#include "injector/workload/workload_file.h"

namespace sc::zoo {

inline Workload corpus(const std::string& name) {
  return load_workload_file(std::string(STABLECUT_SOURCE_DIR) + "/corpus/workloads/" + name + ".json");
}

inline SeededBugs bug(const std::string& name) {
  SeededBugs bugs;
  if (!name.empty()) enable_seeded_bug(&bugs, name);
  return bugs;
}

inline ExploreResult explore(const Workload& w, const std::string& bug_name, crash::ModeSet modes,
                             uint64_t max_states = UINT64_MAX) {
  const SeededBugs bugs = bug(bug_name);
  const Recording rec = record_inproc(w, bugs);
  ExploreOptions o;
  o.enumerate.modes = modes;
  o.max_states = max_states;
  return explore_inproc(w, bugs, rec, o);
}

inline crash::ModeSet modes(std::initializer_list<crash::Mode> list) {
  crash::ModeSet set;
  for (crash::Mode m : list) set.set(static_cast<size_t>(m));
  return set;
}

}  // namespace sc::zoo

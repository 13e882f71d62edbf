// registry_checks.h — host-only questions about the registry (registry.h):
// which program declares a seeded bug, and whether the registry keeps its
// invariant. Built with the format checkers (stablecut_manager_checks), not
// into the manager programs, since no kernel or manager asks them.
//
// Interface: find_manager_bug(name); registry_problem().
// Invariant (checked by registry_problem(), which tests and the CLI run):
// names and entries are unique, entries are non-zero, bug
// names are unique across programs, and each bug is one bit, unique within
// its program.
#pragma once
#include "managers/registry/registry.h"

namespace sc {

struct FoundBug {
  const ManagerProgram* program;
  const ManagerBug* bug;
};
// The program that declares seeded bug `name`; {nullptr, nullptr} if none.
FoundBug find_manager_bug(const char* name);

// nullptr if the registry keeps its invariant, otherwise what breaks it.
const char* registry_problem();

}  // namespace sc

// registry.h — every manager program of this build, as registered by its
// folder (managers/sdk/manager_program.h, cmake/StablecutManager.cmake).
// Both tiers start programs through it (by entry id); the workload parser
// and writer, the fuzz decoders, the campaign mutator and the oracle find
// a program's name, role and seeded bugs here. Platform-free.
// Interface: registered_manager_count() / registered_manager(i) in
// registration order; find_manager_program(entry) and
// find_manager_program(name) (nullptr when none); find_manager_bug(name).
// Invariant (checked by registry_problem(), which tests and the CLI run):
// names and entries are unique, entries are non-zero, bug names are unique
// across programs, and each bug is one bit, unique within its program.
#pragma once
#include <stdint.h>

#include "managers/sdk/manager_program.h"

namespace sc {

// The generated table (manager_table.cpp): kRegisteredManagerCount
// descriptors, then nullptr.
extern const ManagerProgram* const kRegisteredManagers[];
extern const uint32_t kRegisteredManagerCount;

inline uint32_t registered_manager_count() { return kRegisteredManagerCount; }
inline const ManagerProgram& registered_manager(uint32_t i) { return *kRegisteredManagers[i]; }

const ManagerProgram* find_manager_program(uint32_t entry);
const ManagerProgram* find_manager_program(const char* name);

struct FoundBug {
  const ManagerProgram* program;
  const ManagerBug* bug;
};
// The program that declares seeded bug `name`; {nullptr, nullptr} if none.
FoundBug find_manager_bug(const char* name);

// nullptr if the registry keeps its invariant, otherwise what breaks it.
const char* registry_problem();

}  // namespace sc

// registry.h — every manager program of this build, as registered by its
// folder (managers/sdk/manager_program.h, cmake/StablecutManager.cmake).
// Both tiers start programs through it (by entry id); the workload parser
// and writer, the fuzz decoders, the campaign mutator and the oracle find
// a program's name, role and seeded bugs here. Platform-free.
// Interface: registered_manager_count() / registered_manager(i) in
// registration order; find_manager_program(entry) and
// find_manager_program(name) (nullptr when none). Looking up seeded bugs by
// name and checking the registry's invariant are host-only
// (registry_checks.h).
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

}  // namespace sc

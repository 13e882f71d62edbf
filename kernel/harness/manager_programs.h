// manager_programs.h — the one binding of manager programs, for both tiers:
// entry id (managers/programs.h) → the constructor of that program, with its
// seeded bugs. The hosted platform runs the program as an object in its own
// memory; the riscv64 guest runs it in a manager's U-mode context, where the
// constructor itself runs in U-mode. Each platform only owns the storage and
// decides how to call the constructor.
// Interface: ManagerConstructor (builds a program in `storage` over `sys`;
// `arg` is, for the programs here, their seeded bugs as manager_bug_bits(),
// bug_bits.h), kManagerProgramBytes / kManagerProgramAlign (storage every
// program fits in), manager_constructor(entry) (nullptr for an entry no
// program has).
// Invariant: every program is trivially destructible, so a platform may
// reuse its storage at the next boot without calling a destructor.
// Platform-free.
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "kernel/core/upcall.h"
#include "managers/ordinary/ordinary_manager.h"
#include "managers/shadow/shadow_manager.h"
#include "managers/sdk/sys.h"

namespace sc {

using ManagerConstructor = UpcallTarget* (*)(void* storage, Sys& sys, uint64_t arg);

constexpr size_t kManagerProgramBytes =
    sizeof(ShadowManager) > sizeof(OrdinaryManager) ? sizeof(ShadowManager) : sizeof(OrdinaryManager);
constexpr size_t kManagerProgramAlign =
    alignof(ShadowManager) > alignof(OrdinaryManager) ? alignof(ShadowManager) : alignof(OrdinaryManager);

ManagerConstructor manager_constructor(uint32_t entry);

}  // namespace sc

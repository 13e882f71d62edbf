// manager_program.h — how a manager program registers itself: one
// ManagerProgram descriptor per manager, defined once in the manager's own
// folder with STABLECUT_REGISTER_MANAGER(<name>), where <name> is the NAME
// given to stablecut_add_manager() in its CMakeLists.txt. The registry
// (managers/registry/registry.h) lists every descriptor the build collected;
// both tiers, the workload parser and the oracle find programs only there.
//
// Rules every program keeps (docs/managers.md, "Writing a manager"):
//  - freestanding C++20: no heap, no libc, no exceptions, no RTTI, no
//    static constructors; only kernel/core headers and this SDK;
//  - the program object is at most kMaxManagerProgramBytes, aligned to at
//    most kManagerProgramAlign, trivially destructible (a platform reuses
//    its storage at the next boot without a destructor call), and is
//    constructed anew at every boot as Program(Sys&, uint32_t bug_bits) in
//    storage construct_program<T> zeroes first (a member without an
//    initializer starts at zero on every platform and at every boot):
//    nothing survives a power cut but what it wrote to disk or to its root
//    page;
//  - its stack use stays under kManagerStackBytes (locals included);
//  - a self-managing program stores its entry id at kRootPageEntryOffset of
//    its root page (kernel/core/root_store.h): at recovery the kernel starts
//    whichever program that word names.
// Interface: ManagerRole, ManagerBug, ManagerProgram, construct_program<T>,
// STABLECUT_REGISTER_MANAGER.
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "kernel/core/bytes.h"
#include "kernel/core/upcall.h"
#include "managers/sdk/placement_new.h"
#include "managers/sdk/sys.h"

namespace sc {

// self_managing: keeps its own container stable through its root page and
// a disk partition. managed: runs in a container another manager keeps.
enum class ManagerRole : uint8_t { self_managing, managed };

constexpr size_t kMaxManagerProgramBytes = 64 * 1024;
constexpr size_t kManagerProgramAlign = 16;
constexpr size_t kManagerStackBytes = 48 * 1024;  // of the 64 KiB a U-mode manager gets

// Builds the program in `storage` (kMaxManagerProgramBytes, aligned to
// kManagerProgramAlign) over `sys`, with its seeded bugs `bug_bits`.
using ManagerConstructor = UpcallTarget* (*)(void* storage, Sys& sys, uint32_t bug_bits);

// A seeded bug: a realistic mistake the program can be built to make, off
// unless `--bug <name>` selects it. `mask` is its bit in the program's
// bug_bits (one bit, e.g. 1u << 2); `name` is unique across the registry
// (convention: "<manager>-<what>"). `modes` names the storage-fault modes
// (as --modes takes them, comma-separated) that find a mistake no power cut
// can show, e.g. "bit-rot" for a block trusted without its checksum; empty
// for a mistake the power-cut modes find. `stablecut bench detect` and the
// tests enumerate a bug with its modes.
struct ManagerBug {
  const char* name;
  const char* description;
  uint32_t mask;
  const char* modes = "";
};

struct ManagerProgram {
  const char* name;         // what workloads write in "program"; a C identifier
  const char* description;  // one line
  ManagerRole role;
  uint32_t entry;           // invocation point: unique, never 0
  ManagerConstructor construct;
  const ManagerBug* bugs;   // bug_count entries (may be null when 0)
  uint32_t bug_count;
};

template <class Program>
UpcallTarget* construct_program(void* storage, Sys& sys, uint32_t bug_bits) {
  static_assert(sizeof(Program) <= kMaxManagerProgramBytes, "a manager program is at most kMaxManagerProgramBytes");
  static_assert(alignof(Program) <= kManagerProgramAlign, "a manager program is aligned to at most 16 bytes");
  static_assert(__is_trivially_destructible(Program), "platforms reuse program storage without a destructor call");
  fill_bytes(storage, 0, sizeof(Program));
  return new (storage) Program(sys, bug_bits);
}

}  // namespace sc

// Defines the descriptor of manager <id> (the NAME of its
// stablecut_add_manager() call):
//   STABLECUT_REGISTER_MANAGER(journal) = {"journal", "…", ManagerRole::self_managing, …};
#define STABLECUT_REGISTER_MANAGER(id)                        \
  extern const ::sc::ManagerProgram stablecut_manager_##id; \
  const ::sc::ManagerProgram stablecut_manager_##id

// programs.h — invocation points (entry ids) of the manager programs. The
// self-managing manager stores its entry id in its root page (at
// kRootPageEntryOffset); at recovery the kernel restarts whatever program
// that entry names.
#pragma once
#include <stdint.h>

namespace sc {

constexpr uint32_t kEntryShadowManager = 0x44414853;    // "SHAD"
constexpr uint32_t kEntryOrdinaryManager = 0x4e44524f;  // "ORDN"

// Seeded manager bugs, for showing that the checker finds them.
struct ManagerBugs {
  bool skip_flush_before_root = false;  // publishes the checkpoint before its blocks are durable
  bool reuse_retiring_blocks = false;   // overwrites blocks the last durable checkpoint still needs
};

}  // namespace sc

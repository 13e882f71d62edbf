// seeded_bugs.cpp — the kernel's seeded bugs that need code of their own
// (KernelBugs, kernel.h; selected at run time with --bug, never on in a
// correct run). Kept apart so coverage counts them on their own: a correct
// campaign cannot reach them (docs/campaigns.md, "Coverage and steering").
#include "kernel.h"

#include "bytes.h"
#include "root_store.h"

namespace sc {

// Seeded bug (KernelBugs::recover_ignoring_cuts): takes whichever valid copy
// is newest for this manager alone, which can mix cuts across managers.
Status Kernel::restore_newest_copy(const ManagerConfig& mc, uint8_t* page, CutEntry* entry) {
  const CutEntry* e = cut_.find(mc.id);
  bool found = false;
  for (uint8_t copy = 0; copy < 2; ++copy) {
    uint8_t candidate[kPageSize];
    uint32_t version = 0;
    if (failed(read_root_copy(platform_.disk(), mc.id, copy, candidate, &version))) continue;
    if (found && version <= entry->version) continue;
    copy_bytes(page, candidate, kPageSize);
    *entry = CutEntry{mc.id, copy, e == nullptr ? 0 : e->root_page, version};
    found = true;
  }
  if (found) cut_.set(*entry);
  return found ? Status::ok : Status::not_found;
}

}  // namespace sc

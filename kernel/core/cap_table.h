// cap_table.h — the kernel's table of capabilities. mint() hands out a
// Capref; check() validates one (slot in range, slot live, generation
// matches, rights sufficient) before any call acts on it; revoke_container()
// makes every capref to a container stale. Invariants: check() never trusts
// the capref's fields before bounds-checking them; generations count from 1,
// so kNeverIssuedGeneration names no capref (a run mints far fewer than 2^32).
#pragma once
#include "ids.h"
#include "limits.h"
#include "status.h"

namespace sc {

constexpr uint32_t kNeverIssuedGeneration = 0;

class CapTable {
 public:
  void reset();
  Status mint(ContainerId container, uint8_t rights, Capref* out);
  Status check(Capref cap, uint8_t needed, ContainerId* container) const;
  void revoke_container(ContainerId container);

 private:
  struct Entry {
    bool live;
    ContainerId container;
    uint8_t rights;
    uint32_t generation;
  };
  Entry entries_[kMaxCaps];
  uint32_t next_generation_ = kNeverIssuedGeneration + 1;
};

}  // namespace sc

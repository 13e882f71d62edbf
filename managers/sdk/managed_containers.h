// managed_containers.h — the set of containers a manager manages, with the
// capref the kernel gave it for each. Fixed size (no heap, like the rest of
// a manager); iteration visits live entries only.
// Invariant: at most one live entry per container id.
#pragma once
#include "kernel/core/ids.h"
#include "kernel/core/limits.h"
#include "kernel/core/status.h"

namespace sc {

struct ManagedContainer {
  bool live;
  ContainerId id;
  Capref cap;
};

class ManagedContainers {
 public:
  Status add(ContainerId id, Capref cap) {
    ManagedContainer* slot = nullptr;
    for (auto& c : slots_) {
      if (c.live && c.id == id) return Status::exists;
      if (!c.live && slot == nullptr) slot = &c;
    }
    if (slot == nullptr) return Status::no_space;
    *slot = ManagedContainer{true, id, cap};
    return Status::ok;
  }

  const ManagedContainer* begin() const { return slots_; }
  const ManagedContainer* end() const { return slots_ + kMaxContainers; }

 private:
  ManagedContainer slots_[kMaxContainers] = {};
};

}  // namespace sc

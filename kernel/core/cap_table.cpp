// cap_table.cpp — see cap_table.h.
#include "cap_table.h"

namespace sc {

void CapTable::reset() {
  for (auto& e : entries_) e = Entry{false, kNoContainer, 0, 0};
  next_generation_ = kNeverIssuedGeneration + 1;
}

Status CapTable::mint(ContainerId container, uint8_t rights, Capref* out) {
  int free_slot = -1;
  for (uint32_t i = 0; i < kMaxCaps; ++i) {
    const Entry& e = entries_[i];
    if (e.live && e.container == container && e.rights == rights) {
      *out = Capref{i, e.generation};
      return Status::ok;
    }
    if (!e.live && free_slot < 0) free_slot = static_cast<int>(i);
  }
  if (free_slot < 0) return Status::no_space;
  const auto slot = static_cast<uint32_t>(free_slot);
  entries_[slot] = Entry{true, container, rights, next_generation_++};
  *out = Capref{slot, entries_[slot].generation};
  return Status::ok;
}

Status CapTable::check(Capref cap, uint8_t needed, ContainerId* container) const {
  if (cap.slot >= kMaxCaps) return Status::bad_capref;
  const Entry& e = entries_[cap.slot];
  if (!e.live || e.generation != cap.generation) return Status::bad_capref;
  if ((e.rights & needed) != needed) return Status::no_rights;
  *container = e.container;
  return Status::ok;
}

void CapTable::revoke_container(ContainerId container) {
  for (auto& e : entries_)
    if (e.live && e.container == container) e.live = false;
}

}  // namespace sc

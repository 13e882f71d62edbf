// stabilise.cpp — the stabilisation protocol of self-managing managers
// (seed: snapshot_request → container_snapshot → root-page copy), run over
// the whole tied group of the requester so that every cut is consistent.
// See the state diagram and invariants K1–K3 in kernel.h and R1–R4 in
// root_store.h. Every disk request is tagged with the phase it is issued in.
#include "kernel.h"

namespace sc {

Status Kernel::stabilise(ManagerId requester) {
  const uint32_t group = group_mask(requester);
  if (group & unvouched_) return Status::io_error;  // K5
  BlockDevice& disk = platform_.disk();
  disk.set_phase(Phase::FREEZE);
  freeze_group(group);
  disk.set_phase(Phase::SNAPSHOT);
  Status s = snapshot_group(group);
  // The next cut starts from the last one, so managers outside the group
  // keep their entries (seeded bug KernelBugs::cut_drops_idle_managers
  // starts from an empty record instead).
  CutRecord next = bugs_.cut_drops_idle_managers ? CutRecord{} : cut_;
  if (!failed(s)) {
    disk.set_phase(Phase::ROOT_COPY);
    s = copy_roots(group, &next);
  }
  if (!failed(s)) s = commit_cut(next);
  if (!failed(s)) {
    disk.set_phase(Phase::DISCARD);
    discard_old_copies(next);
  }
  if (failed(s)) unvouched_ |= group;  // K5
  disk.set_phase(Phase::RESUME);
  resume_group(group);
  disk.set_phase(Phase::RUN);
  return s;
}

void Kernel::freeze_group(uint32_t group) {
  stabilising_ = group;
  for (auto& l : loci_) {
    if (l.state != LocusState::runnable) continue;
    const ManagerId smm = self_managing_root(l.home);
    if (smm < kMaxSelfManaging && (group & (1u << smm))) l.state = LocusState::frozen;
  }
}

uint32_t Kernel::manager_depth(ManagerId m) const {
  uint32_t depth = 0;
  while (depth <= kMaxManagers && m < kMaxManagers && managers_[m].config.managed_by != kNoManager) {
    m = containers_[managers_[m].config.home].manager;
    ++depth;
  }
  return depth;
}

// Managers below `smm` snapshot first, deepest first, so that each one's
// volatile state is in its container's pages before its manager saves them.
Status Kernel::snapshot_managers_below(ManagerId smm) {
  for (uint32_t depth = kMaxManagers; depth > 0; --depth) {
    for (ManagerId m = 0; m < kMaxManagers; ++m) {
      const ManagerEntry& me = managers_[m];
      if (!me.live || me.config.managed_by == kNoManager || manager_depth(m) != depth) continue;
      if (self_managing_root(me.config.home) != smm) continue;
      const Status s = upcall(m, UpcallKind::container_snapshot, kNoContainer, 0);
      if (failed(s)) return s;
    }
  }
  return Status::ok;
}

// Seeded bug KernelBugs::snapshot_parent_first runs the self-managing
// manager's snapshot before those of the managers below it, so what they
// write into their own containers while snapshotting misses this cut.
Status Kernel::snapshot_group(uint32_t group) {
  for (ManagerId smm = 0; smm < kMaxSelfManaging; ++smm) {
    if (!(group & (1u << smm)) || !managers_[smm].live) continue;
    Status s = Status::ok;
    if (!bugs_.snapshot_parent_first) s = snapshot_managers_below(smm);
    if (!failed(s)) s = upcall(smm, UpcallKind::container_snapshot, kNoContainer, 0);
    if (!failed(s) && bugs_.snapshot_parent_first) s = snapshot_managers_below(smm);
    if (failed(s)) return s;
  }
  return Status::ok;
}

Status Kernel::copy_roots(uint32_t group, CutRecord* next) {
  for (ManagerId smm = 0; smm < kMaxSelfManaging; ++smm) {
    if (!(group & (1u << smm)) || !managers_[smm].live) continue;
    const ContainerEntry& home = containers_[managers_[smm].config.home];
    const int frame = frames_.find(managers_[smm].config.home, home.root_page);
    if (!home.root_mapped || frame == FrameTable::kNone) return Status::bad_argument;
    const CutEntry* live = cut_.find(smm);
    uint8_t copy = live == nullptr ? 0 : static_cast<uint8_t>(1 - live->copy);
    if (bugs_.overwrite_live_root_copy && live != nullptr) copy = live->copy;
    const uint32_t version = managers_[smm].root_version + 1;
    const Status s = write_root_copy(platform_.disk(), smm, copy, version, frames_.data(frame));
    if (failed(s)) return s;
    if (!next->set(CutEntry{smm, copy, home.root_page, version})) return Status::no_space;
  }
  next->epoch = cut_.epoch + 1;
  return Status::ok;
}

Status Kernel::commit_cut(const CutRecord& next) { return write_cut_record(platform_.disk(), next); }

// The copies the previous cut named are now free for the next stabilisation
// (R1 picks the other copy); managers never see this.
void Kernel::discard_old_copies(const CutRecord& next) {
  for (uint32_t i = 0; i < next.count; ++i) managers_[next.entries[i].manager].root_version = next.entries[i].version;
  cut_ = next;
}

void Kernel::resume_group(uint32_t group) {
  for (auto& l : loci_)
    if (l.state == LocusState::frozen) l.state = LocusState::runnable;
  stabilising_ = 0;
  for (ManagerId smm = 0; smm < kMaxSelfManaging; ++smm)
    if (group & (1u << smm)) ties_[smm] = 1u << smm;
}

}  // namespace sc

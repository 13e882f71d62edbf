// kernel_objects.cpp — the kernel's tables of containers, managers and loci;
// the argument checks every call uses (the "decode" half of each call);
// self-managing domains and the ties between them (invariant K2).
#include "kernel.h"

namespace sc {

void Kernel::reset(const BootConfig& config) {
  bugs_ = config.bugs;
  caps_.reset();
  frames_.reset();
  for (auto& c : containers_) c = ContainerEntry{false, kNoManager, false, 0};
  for (auto& m : managers_) m = ManagerEntry{false, ManagerConfig{}, nullptr, 0};
  for (auto& l : loci_) l = LocusEntry{LocusState::free, kNoContainer};
  for (uint32_t i = 0; i < kMaxSelfManaging; ++i) ties_[i] = 1u << i;
  stabilising_ = 0;
  unvouched_ = 0;
  cut_ = CutRecord{};
  report_ = BootReport{};
}

Status Kernel::create_container(ContainerId id, ManagerId manager) {
  if (id >= kMaxContainers || manager >= kMaxManagers) return Status::bad_argument;
  if (!managers_[manager].live) return Status::not_found;
  if (containers_[id].live) return Status::exists;
  containers_[id] = ContainerEntry{true, manager, false, 0};
  return Status::ok;
}

Status Kernel::mint_manager_cap(ContainerId id, Capref* out) {
  return caps_.mint(id, kRightRead | kRightWrite | kRightManage | kRightSnapshot, out);
}

Status Kernel::checked_caller(ManagerId caller) const {
  if (caller >= kMaxManagers || !managers_[caller].live) return Status::bad_argument;
  return Status::ok;
}

Status Kernel::checked_cap(Capref cap, uint8_t rights, ContainerId* id) const {
  const Status s = caps_.check(cap, rights, id);
  if (failed(s)) return s;
  return containers_[*id].live ? Status::ok : Status::bad_capref;
}

Status Kernel::checked_managed(ManagerId caller, Capref cap, ContainerId* id) const {
  Status s = checked_caller(caller);
  if (!failed(s)) s = checked_cap(cap, kRightManage, id);
  if (failed(s)) return s;
  return containers_[*id].manager == caller ? Status::ok : Status::no_rights;
}

Status Kernel::checked_page(uint32_t page) const {
  return page < kMaxPageNumber ? Status::ok : Status::bad_argument;
}

ManagerId Kernel::self_managing_root(ContainerId id) const {
  for (uint32_t hops = 0; hops <= kMaxManagers && id < kMaxContainers; ++hops) {
    if (!containers_[id].live) return kNoManager;
    const ManagerId m = containers_[id].manager;
    if (m >= kMaxManagers || !managers_[m].live) return kNoManager;
    if (managers_[m].config.managed_by == kNoManager) return m;
    id = managers_[m].config.home;
  }
  return kNoManager;
}

uint32_t Kernel::group_mask(ManagerId smm) const {
  return smm < kMaxSelfManaging ? ties_[smm] : 0;
}

void Kernel::tie(ContainerId from, ContainerId to) {
  const ManagerId a = self_managing_root(from);
  const ManagerId b = self_managing_root(to);
  if (a == b || a >= kMaxSelfManaging || b >= kMaxSelfManaging) return;
  const uint32_t merged = ties_[a] | ties_[b];
  for (uint32_t m = 0; m < kMaxSelfManaging; ++m)
    if (merged & (1u << m)) ties_[m] = merged;
}

Status Kernel::checked_locus_access(LocusId locus, Capref cap, uint8_t rights, ContainerId* id) {
  if (locus >= kMaxLoci || loci_[locus].state == LocusState::free) return Status::bad_argument;
  if (loci_[locus].state == LocusState::frozen) return Status::busy;
  const Status s = checked_cap(cap, rights, id);
  if (failed(s)) return s;
  const ManagerId smm = self_managing_root(*id);
  if (smm < kMaxSelfManaging && (stabilising_ & (1u << smm))) return Status::busy;
  return Status::ok;
}

Status Kernel::upcall(ManagerId m, UpcallKind kind, ContainerId target, uint32_t page) {
  ManagerEntry& me = managers_[m];
  if (!me.live || me.program == nullptr) return Status::not_found;
  Upcall call{kind, Capref{}, me.config.home, Capref{}, target, page};
  Status s = mint_manager_cap(me.config.home, &call.self);
  if (!failed(s) && target != kNoContainer) s = mint_manager_cap(target, &call.target);
  if (failed(s)) return s;
  return me.program->upcall(call);
}

Status Kernel::create_locus(ContainerId home, LocusId* out) {
  if (home >= kMaxContainers || !containers_[home].live) return Status::bad_argument;
  for (uint32_t i = 0; i < kMaxLoci; ++i) {
    if (loci_[i].state != LocusState::free) continue;
    const ManagerId smm = self_managing_root(home);
    const bool frozen = smm < kMaxSelfManaging && (stabilising_ & (1u << smm));
    loci_[i] = LocusEntry{frozen ? LocusState::frozen : LocusState::runnable, home};
    *out = static_cast<LocusId>(i);
    return Status::ok;
  }
  return Status::no_space;
}

Status Kernel::destroy_locus(LocusId locus) {
  if (locus >= kMaxLoci || loci_[locus].state == LocusState::free) return Status::bad_argument;
  loci_[locus] = LocusEntry{LocusState::free, kNoContainer};
  return Status::ok;
}

LocusState Kernel::locus_state(LocusId locus) const {
  return locus < kMaxLoci ? loci_[locus].state : LocusState::free;
}

bool Kernel::container_exists(ContainerId id) const {
  return id < kMaxContainers && containers_[id].live;
}

ManagerId Kernel::container_manager(ContainerId id) const {
  return container_exists(id) ? containers_[id].manager : kNoManager;
}

}  // namespace sc

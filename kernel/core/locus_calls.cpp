// locus_calls.cpp — the calls workload loci make: create and open
// containers, write and read pages (through the fault path), and ask a
// manager to stabilise. Every access ties the locus's domain to the
// container's domain (invariant K2) and is refused while that domain is
// being stabilised (invariant K1).
#include "bytes.h"
#include "kernel.h"

namespace sc {

namespace {
constexpr uint8_t kLocusRights = kRightRead | kRightWrite;
}

Status Kernel::locus_create_container(LocusId locus, ContainerId id, ManagerId manager,
                                      Capref* out) {
  if (locus >= kMaxLoci || loci_[locus].state != LocusState::runnable) return Status::bad_argument;
  if (manager >= kMaxManagers || !managers_[manager].live) return Status::not_found;
  const ManagerId smm = self_managing_root(managers_[manager].config.home);
  if (smm < kMaxSelfManaging && (stabilising_ & (1u << smm))) return Status::busy;
  Status s = create_container(id, manager);
  if (failed(s)) return s;
  s = upcall(manager, UpcallKind::container_created, id, 0);
  if (!failed(s)) s = caps_.mint(id, kLocusRights, out);
  if (failed(s)) {
    caps_.revoke_container(id);
    containers_[id].live = false;
    return s;
  }
  tie(loci_[locus].home, id);
  return Status::ok;
}

Status Kernel::locus_open(LocusId locus, ContainerId id, Capref* out) {
  if (locus >= kMaxLoci || loci_[locus].state == LocusState::free) return Status::bad_argument;
  if (!container_exists(id)) return Status::not_found;
  return caps_.mint(id, kLocusRights, out);
}

Status Kernel::locus_write(LocusId locus, Capref cont, uint32_t page, const uint8_t* data) {
  ContainerId id;
  Status s = checked_locus_access(locus, cont, kRightWrite, &id);
  if (!failed(s)) s = checked_page(page);
  if (failed(s)) return s;
  const ContainerEntry& c = containers_[id];
  if (c.root_mapped && c.root_page == page) return Status::no_rights;
  int frame;
  s = fault_in(id, page, &frame);
  if (failed(s)) return s;
  copy_bytes(frames_.data(frame), data, kPageSize);
  frames_.set_dirty(frame, true);
  tie(loci_[locus].home, id);
  return Status::ok;
}

Status Kernel::locus_read(LocusId locus, Capref cont, uint32_t page, uint8_t* buf) {
  ContainerId id;
  Status s = checked_locus_access(locus, cont, kRightRead, &id);
  if (!failed(s)) s = checked_page(page);
  if (failed(s)) return s;
  int frame;
  s = fault_in(id, page, &frame);
  if (failed(s)) return s;
  copy_bytes(buf, frames_.data(frame), kPageSize);
  tie(loci_[locus].home, id);
  return Status::ok;
}

Status Kernel::locus_request_stabilisation(LocusId locus, ManagerId m) {
  if (locus >= kMaxLoci || loci_[locus].state != LocusState::runnable) return Status::bad_argument;
  if (m >= kMaxSelfManaging || !managers_[m].live || managers_[m].config.managed_by != kNoManager)
    return Status::bad_argument;
  if (stabilising_ != 0) return Status::busy;
  return upcall(m, UpcallKind::stabilise, kNoContainer, 0);
}

}  // namespace sc

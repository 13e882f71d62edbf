// faults.cpp — page-fault routing and page access. A fault on a container
// page goes to the container's manager (page_fault upcall), which answers with
// sys_supply_page; the root page of a self-managing manager is the kernel's
// own and is never faulted to a manager.
#include "bytes.h"
#include "kernel.h"

namespace sc {

namespace {
bool is_root(bool mapped, uint32_t root_page, uint32_t page) { return mapped && root_page == page; }
}  // namespace

Status Kernel::install_page(ContainerId id, uint32_t page, const uint8_t* data, int* frame) {
  const Status s = frames_.allocate(id, page, frame);
  if (failed(s)) return s;
  if (data != nullptr) {
    copy_bytes(frames_.data(*frame), data, kPageSize);
  } else {
    fill_bytes(frames_.data(*frame), 0, kPageSize);
  }
  return Status::ok;
}

Status Kernel::fault_in(ContainerId id, uint32_t page, int* frame) {
  *frame = frames_.find(id, page);
  if (*frame != FrameTable::kNone) return Status::ok;
  const ContainerEntry& c = containers_[id];
  if (is_root(c.root_mapped, c.root_page, page)) return install_page(id, page, nullptr, frame);
  const Status s = upcall(c.manager, UpcallKind::page_fault, id, page);
  if (failed(s)) return s;
  *frame = frames_.find(id, page);
  return *frame == FrameTable::kNone ? Status::not_found : Status::ok;
}

Status Kernel::sys_supply_page(ManagerId caller, Capref cont, uint32_t page, const uint8_t* data) {
  ContainerId id;
  Status s = checked_managed(caller, cont, &id);
  if (!failed(s)) s = checked_page(page);
  if (failed(s)) return s;
  if (is_root(containers_[id].root_mapped, containers_[id].root_page, page)) return Status::no_rights;
  int frame;
  return install_page(id, page, data, &frame);
}

// A manager may read and write its own home container (its memory) and read
// the containers it manages.
Status Kernel::sys_read_page(ManagerId caller, Capref cont, uint32_t page, uint8_t* buf) {
  ContainerId id;
  Status s = checked_caller(caller);
  if (!failed(s)) s = checked_cap(cont, kRightRead, &id);
  if (!failed(s)) s = checked_page(page);
  if (failed(s)) return s;
  if (containers_[id].manager != caller && managers_[caller].config.home != id) return Status::no_rights;
  int frame;
  s = fault_in(id, page, &frame);
  if (!failed(s)) copy_bytes(buf, frames_.data(frame), kPageSize);
  return s;
}

Status Kernel::sys_write_page(ManagerId caller, Capref cont, uint32_t page, const uint8_t* data) {
  ContainerId id;
  Status s = checked_caller(caller);
  if (!failed(s)) s = checked_cap(cont, kRightWrite, &id);
  if (!failed(s)) s = checked_page(page);
  if (failed(s)) return s;
  if (managers_[caller].config.home != id) return Status::no_rights;
  int frame;
  s = fault_in(id, page, &frame);
  if (failed(s)) return s;
  copy_bytes(frames_.data(frame), data, kPageSize);
  const ContainerEntry& c = containers_[id];
  if (!is_root(c.root_mapped, c.root_page, page)) frames_.set_dirty(frame, true);
  return Status::ok;
}

Status Kernel::sys_dirty_pages(ManagerId caller, Capref cont, uint32_t* pages, uint32_t* count) {
  ContainerId id;
  const Status s = checked_managed(caller, cont, &id);
  if (failed(s)) return s;
  *count = frames_.dirty_pages(id, pages);
  return Status::ok;
}

Status Kernel::sys_clean_page(ManagerId caller, Capref cont, uint32_t page) {
  ContainerId id;
  const Status s = checked_managed(caller, cont, &id);
  if (failed(s)) return s;
  const int frame = frames_.find(id, page);
  if (frame == FrameTable::kNone) return Status::not_found;
  frames_.set_dirty(frame, false);
  return Status::ok;
}

Status Kernel::sys_report_page(ManagerId caller, Capref cont, uint32_t page) {
  ContainerId id;
  Status s = checked_managed(caller, cont, &id);
  if (!failed(s)) s = checked_page(page);
  if (failed(s)) return s;
  platform_.page_reported(id, page);
  return Status::ok;
}

Status Kernel::inspect_read(ContainerId id, uint32_t page, uint8_t* buf) {
  if (!container_exists(id) || failed(checked_page(page))) return Status::bad_argument;
  int frame;
  const Status s = fault_in(id, page, &frame);
  if (!failed(s)) copy_bytes(buf, frames_.data(frame), kPageSize);
  return s;
}

Status Kernel::inspect_enumerate(ContainerId id) {
  if (!container_exists(id)) return Status::bad_argument;
  return upcall(containers_[id].manager, UpcallKind::enumerate_pages, id, 0);
}

}  // namespace sc

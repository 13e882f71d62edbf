// manager_calls.cpp — system calls only managers make: mapping the root page,
// requesting stabilisation, recreating containers at recovery, and block I/O
// on the manager's own disk partition (4 KiB blocks, partition-relative).
#include "kernel.h"

namespace sc {

Status Kernel::sys_map_root_page(ManagerId caller, Capref cont, uint32_t page) {
  ContainerId id;
  Status s = checked_caller(caller);
  if (!failed(s)) s = checked_cap(cont, kRightSnapshot, &id);
  if (!failed(s)) s = checked_page(page);
  if (failed(s)) return s;
  const ManagerEntry& me = managers_[caller];
  if (me.config.managed_by != kNoManager || me.config.home != id) return Status::no_rights;
  ContainerEntry& c = containers_[id];
  if (c.root_mapped) return c.root_page == page ? Status::ok : Status::exists;
  if (frames_.find(id, page) != FrameTable::kNone) return Status::busy;
  c.root_mapped = true;
  c.root_page = page;
  int frame;
  return install_page(id, page, nullptr, &frame);
}

Status Kernel::sys_snapshot_request(ManagerId caller, Capref self) {
  ContainerId id;
  Status s = checked_caller(caller);
  if (!failed(s)) s = checked_cap(self, kRightSnapshot, &id);
  if (failed(s)) return s;
  const ManagerEntry& me = managers_[caller];
  if (me.config.managed_by != kNoManager || me.config.home != id) return Status::no_rights;
  if (!containers_[id].root_mapped) return Status::bad_argument;
  if (stabilising_ != 0) return Status::busy;
  return stabilise(caller);
}

Status Kernel::sys_create_container(ManagerId caller, ContainerId id, Capref* out) {
  Status s = checked_caller(caller);
  if (!failed(s)) s = create_container(id, caller);
  if (failed(s)) return s;
  return mint_manager_cap(id, out);
}

Status Kernel::sys_disk_blocks(ManagerId caller, uint64_t* blocks) {
  const Status s = checked_caller(caller);
  if (failed(s)) return s;
  *blocks = managers_[caller].config.partition_sectors / kSectorsPerPage;
  return Status::ok;
}

// The number of blocks the caller may address; seeded bug
// KernelBugs::disk_bounds_off_by_one counts one more (the block after the
// partition, the next partition's first, passes the check).
Status Kernel::disk_bound(ManagerId caller, uint64_t* bound) {
  const Status s = sys_disk_blocks(caller, bound);
  *bound += bugs_.disk_bounds_off_by_one ? 1 : 0;
  return s;
}

Status Kernel::sys_disk_read(ManagerId caller, uint64_t block, uint8_t* buf) {
  uint64_t blocks = 0;
  const Status s = disk_bound(caller, &blocks);
  if (failed(s)) return s;
  if (block >= blocks) return Status::bad_argument;
  const uint64_t sector = managers_[caller].config.partition_start + block * kSectorsPerPage;
  return platform_.disk().read(sector, kSectorsPerPage, buf);
}

Status Kernel::sys_disk_write(ManagerId caller, uint64_t block, const uint8_t* buf) {
  uint64_t blocks = 0;
  const Status s = disk_bound(caller, &blocks);
  if (failed(s)) return s;
  if (block >= blocks) return Status::bad_argument;
  const uint64_t sector = managers_[caller].config.partition_start + block * kSectorsPerPage;
  return platform_.disk().write(sector, kSectorsPerPage, buf, /*fua=*/false);
}

Status Kernel::sys_disk_flush(ManagerId caller) {
  const Status s = checked_caller(caller);
  return failed(s) ? s : platform_.disk().flush();
}

void Kernel::sys_yield(ManagerId caller) {
  if (!failed(checked_caller(caller))) platform_.yield_point();
}

}  // namespace sc

// boot.cpp — power-on and recovery. The kernel reads the newest valid cut
// record, restores each self-managing manager's root page from the copy that
// cut names (checksum and version verified), maps it back, and restarts the
// manager at the invocation point stored in the root page; managers below
// are restarted after the manager of their container. A manager absent from
// the cut starts fresh. Every request issued here is tagged RECOVERY.
#include "bytes.h"
#include "kernel.h"

namespace sc {

namespace {

bool config_valid(const BootConfig& config, uint64_t disk_sectors) {
  if (config.manager_count > kMaxManagers) return false;
  bool seen[kMaxManagers] = {};
  bool home_used[kMaxContainers] = {};
  for (uint32_t i = 0; i < config.manager_count; ++i) {
    const ManagerConfig& mc = config.managers[i];
    if (mc.id >= kMaxManagers || seen[mc.id] || mc.home >= kMaxContainers || home_used[mc.home])
      return false;
    if (mc.managed_by == kNoManager) {
      const uint64_t end = mc.partition_start + mc.partition_sectors;
      if (mc.id >= kMaxSelfManaging || mc.partition_start < kKernelAreaSectors) return false;
      if (end < mc.partition_start || end > disk_sectors || mc.partition_sectors < kSectorsPerPage)
        return false;
    } else if (mc.managed_by >= kMaxManagers || !seen[mc.managed_by]) {
      return false;
    }
    seen[mc.id] = true;
    home_used[mc.home] = true;
  }
  return true;
}

}  // namespace

Status Kernel::boot(const BootConfig& config) {
  reset(config);
  BlockDevice& disk = platform_.disk();
  disk.set_phase(Phase::RECOVERY);
  if (!config_valid(config, disk.sector_count())) return report_.status = Status::bad_argument;
  for (uint32_t i = 0; i < config.manager_count; ++i)
    managers_[config.managers[i].id] = ManagerEntry{true, config.managers[i], nullptr, 0};
  Status s = read_newest_cut(disk, &cut_);
  report_.had_cut = s == Status::ok;
  if (s == Status::not_found) s = Status::ok;
  report_.epoch = cut_.epoch;
  for (uint32_t i = 0; i < config.manager_count && !failed(s); ++i) {
    const ManagerConfig& mc = config.managers[i];
    s = mc.managed_by == kNoManager ? boot_self_managing(mc) : boot_managed(mc);
    if (failed(s)) report_.failed_manager = mc.id;
  }
  disk.set_phase(Phase::RUN);
  return report_.status = s;
}

Status Kernel::restore_root(const ManagerConfig& mc, uint8_t* page, CutEntry* entry) {
  const CutEntry* e = cut_.find(mc.id);
  if (e == nullptr) return Status::not_found;
  uint32_t version = 0;
  const Status s = read_root_copy(platform_.disk(), mc.id, e->copy, page, &version);
  if (failed(s)) return s;
  if (version != e->version) return Status::corrupt;
  *entry = *e;
  return Status::ok;
}

Status Kernel::start_program(const ManagerConfig& mc, uint32_t entry) {
  managers_[mc.id].program = platform_.bind_program(mc.id, entry, mc.bugs);
  return managers_[mc.id].program == nullptr ? Status::corrupt : Status::ok;
}

Status Kernel::boot_self_managing(const ManagerConfig& mc) {
  Status s = create_container(mc.home, mc.id);
  if (failed(s)) return s;
  uint8_t page[kPageSize];
  CutEntry entry{};
  s = bugs_.recover_ignoring_cuts ? restore_newest_copy(mc, page, &entry) : restore_root(mc, page, &entry);
  if (s == Status::not_found) {
    s = start_program(mc, mc.entry);
    return failed(s) ? s : upcall(mc.id, UpcallKind::start_fresh, kNoContainer, 0);
  }
  if (failed(s)) return s;
  containers_[mc.home].root_mapped = true;
  containers_[mc.home].root_page = entry.root_page;
  managers_[mc.id].root_version = entry.version;
  int frame;
  s = install_page(mc.home, entry.root_page, page, &frame);
  if (!failed(s)) s = start_program(mc, load_u32(page + kRootPageEntryOffset));
  return failed(s) ? s : upcall(mc.id, UpcallKind::recover, kNoContainer, 0);
}

Status Kernel::boot_managed(const ManagerConfig& mc) {
  Status s = Status::ok;
  if (!container_exists(mc.home)) {
    s = create_container(mc.home, mc.managed_by);
    if (!failed(s)) s = upcall(mc.managed_by, UpcallKind::container_created, mc.home, 0);
  }
  if (!failed(s)) s = start_program(mc, mc.entry);
  return failed(s) ? s : upcall(mc.id, UpcallKind::recover, kNoContainer, 0);
}

}  // namespace sc

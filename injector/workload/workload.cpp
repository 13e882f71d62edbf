// workload.cpp — derived facts of a workload: the kernel boot configuration
// (partitions laid out one after another after the kernel area) and the
// disk size it needs.
#include "injector/workload/workload.h"

#include "kernel/core/limits.h"
#include "kernel/core/root_store.h"
#include "managers/registry/registry.h"

namespace sc {

ManagerId Workload::managed_by(ManagerId m) const {
  const std::string& parent = managers[m].managed_by;
  for (size_t i = 0; i < managers.size(); ++i)
    if (managers[i].name == parent) return static_cast<ManagerId>(i);
  return kNoManager;
}

uint64_t Workload::disk_sectors() const {
  uint64_t sectors = kKernelAreaSectors;
  for (const auto& m : managers) sectors += uint64_t{m.partition_blocks} * kSectorsPerPage;
  return sectors;
}

BootConfig boot_config(const Workload& w, const SeededBugs& bugs) {
  BootConfig config;
  config.bugs = bugs.kernel;
  uint64_t next_sector = kKernelAreaSectors;
  for (size_t i = 0; i < w.managers.size(); ++i) {
    const ManagerSpec& spec = w.managers[i];
    ManagerConfig& mc = config.managers[config.manager_count++];
    mc.id = static_cast<ManagerId>(i);
    mc.home = w.home_of(mc.id);
    mc.managed_by = w.managed_by(mc.id);
    const ManagerProgram* program = find_manager_program(spec.program.c_str());
    mc.entry = program == nullptr ? 0 : program->entry;
    mc.bugs = bugs.program_bits(spec.program);
    mc.partition_start = next_sector;
    mc.partition_sectors = uint64_t{spec.partition_blocks} * kSectorsPerPage;
    next_sector += mc.partition_sectors;
  }
  return config;
}

}  // namespace sc

// boot_config.h — the static description of a system the kernel boots: which
// managers exist, the container each runs in, who manages that container,
// their invocation points and disk partitions, plus test-only bug switches.
// Self-managing managers have managed_by == kNoManager and ids below
// kMaxSelfManaging (the id is their root slot). A manager's parent must be
// listed before it.
#pragma once
#include <stdint.h>

#include "ids.h"
#include "limits.h"

namespace sc {

// Seeded protocol bugs, for showing that the checker finds them. All off in
// a correct system; never set outside tests, fuzzing and demonstrations.
struct KernelBugs {
  bool overwrite_live_root_copy = false;  // breaks invariant R1
  bool recover_ignoring_cuts = false;     // restores each manager's newest copy, mixing cuts
  bool snapshot_parent_first = false;     // snapshots a self-managing manager before the managers below it
  bool cut_drops_idle_managers = false;   // a cut record names only the managers that just stabilised
  bool disk_bounds_off_by_one = false;    // disk_read/disk_write take the block just past the partition (breaks K4)
};

struct ManagerConfig {
  ManagerId id = kNoManager;
  ContainerId home = kNoContainer;  // the container the manager runs in
  uint32_t entry = 0;               // invocation point (program id)
  ManagerId managed_by = kNoManager;
  uint64_t partition_start = 0;     // sectors; self-managing managers only
  uint64_t partition_sectors = 0;
  uint32_t bugs = 0;                // the program's seeded bugs (its own bit set); 0 = none
};

struct BootConfig {
  ManagerConfig managers[kMaxManagers];
  uint32_t manager_count = 0;
  KernelBugs bugs;
};

}  // namespace sc

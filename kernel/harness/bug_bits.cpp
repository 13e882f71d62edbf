// bug_bits.cpp — see bug_bits.h.
#include "kernel/harness/bug_bits.h"

namespace sc {

uint32_t kernel_bug_bits(const KernelBugs& bugs) {
  return (bugs.overwrite_live_root_copy ? kBugOverwriteLiveRootCopy : 0u) |
         (bugs.recover_ignoring_cuts ? kBugRecoverIgnoringCuts : 0u) |
         (bugs.snapshot_parent_first ? kBugSnapshotParentFirst : 0u) |
         (bugs.cut_drops_idle_managers ? kBugCutDropsIdleManagers : 0u) |
         (bugs.disk_bounds_off_by_one ? kBugDiskBoundsOffByOne : 0u);
}

KernelBugs kernel_bugs_from_bits(uint64_t bits) {
  KernelBugs bugs;
  bugs.overwrite_live_root_copy = (bits & kBugOverwriteLiveRootCopy) != 0;
  bugs.recover_ignoring_cuts = (bits & kBugRecoverIgnoringCuts) != 0;
  bugs.snapshot_parent_first = (bits & kBugSnapshotParentFirst) != 0;
  bugs.cut_drops_idle_managers = (bits & kBugCutDropsIdleManagers) != 0;
  bugs.disk_bounds_off_by_one = (bits & kBugDiskBoundsOffByOne) != 0;
  return bugs;
}

}  // namespace sc

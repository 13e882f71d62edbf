// mutant_run.h — the state of one mutant run that outlives every boot: the
// plan, the site sink, each manager's and the kernel's ordinals, and the one
// write a mutant holds back. The platform owns it for a whole recorded run
// (the programs are rebuilt at every boot, their counters are not) and binds
// a ManagerSeam (manager_seam.h) per program and a MutantDisk (mutant_disk.h)
// to it. power_cut() drops what a power cut loses: anything held in memory.
// Platform-free (kernel/core rules).
#pragma once
#include <stdint.h>

#include "kernel/core/limits.h"
#include "kernel/core/root_store.h"
#include "kernel/harness/mutant/mutant_plan.h"

namespace sc {

constexpr uint32_t kNoCall = 0xffffffff;

struct ManagerOrdinals {
  bool in_snapshot = false;
  uint32_t stabilisation = 0;         // container_snapshot upcalls finished so far
  uint32_t call = 0;                  // disk calls so far in this snapshot
  uint32_t last_flush = kNoCall;      // ordinal of the latest disk_flush in this snapshot
  uint32_t publish_flush = kNoCall;   // the flush before the latest root-page update
  bool flush_owed = false;            // publish-early: the flush to issue at the next upcall
  Capref self;
};

struct KernelOrdinals {
  bool in_root_copy = false;
  uint32_t stabilisation = 0;  // ROOT_COPY phases finished so far
  uint32_t write = 0;          // kernel-area writes so far in this phase
  bool root_written = false;   // a root copy was written in this phase
};

// A write held back by a mutant: a manager block or a kernel root copy.
struct HeldWrite {
  bool held = false;
  uint64_t where = 0;  // manager block, or kernel sector
  uint32_t count = 0;  // sectors (kernel writes)
  bool fua = false;    // kernel writes
  uint8_t data[kRootCopySectors * kSectorSize];
};

class MutantRun {
 public:
  explicit MutantRun(const MutantPlan& plan, MutantSiteSink* sink = nullptr) : plan_(plan), sink_(sink) {}

  const MutantPlan& plan() const { return plan_; }
  // True if the plan applies `op` at `where`.
  bool hits(MutantOp op, const MutantSite& where) const {
    return plan_.apply && plan_.op == op && plan_.site == where;
  }
  void count(MutantOp op, const MutantSite& where) {
    if (sink_ != nullptr) sink_->site(op, where);
  }
  ManagerOrdinals& manager(ManagerId id) { return managers_[id < kMaxManagers ? id : 0]; }
  KernelOrdinals& kernel() { return kernel_; }
  HeldWrite& held() { return held_; }
  // True once the plan's operator has been applied at its site.
  bool applied() const { return applied_; }
  void mark_applied() { applied_ = true; }

  // A power cut: held writes and owed flushes are lost, snapshots end
  // unfinished (their ordinal still counts: the next boot starts afresh).
  void power_cut();

 private:
  MutantPlan plan_;
  MutantSiteSink* sink_;
  ManagerOrdinals managers_[kMaxManagers];
  KernelOrdinals kernel_;
  HeldWrite held_;
  bool applied_ = false;
};

}  // namespace sc

// guest_scheduler.h — the seeded scheduler of the workload loci of one run
// step inside the guest; the loci themselves run in U-mode (user_locus.h,
// locus_program.h). A line-by-line mirror of the in-process tier
// (kernel/hosted/scheduler.cpp and injector/workload/workload_locus.cpp), so
// that the same workload makes the same kernel calls in the same order and
// hence the same disk requests in both tiers:
//  * the next locus to step is drawn with Prng::below() among the loci the
//    kernel says are runnable, not done and not already in a step;
//  * at a manager's yield point inside a stabilisation, yield_step() runs one
//    step of another such locus;
//  * an op refused with busy is retried at the locus's next step; every other
//    outcome is an event, sent to the host as a kEvent record;
//  * run() gives up (returns false) after 64 × ready-count blocked steps in a row.
// Before each attempt of a stabilise op a kMarkOpBegin record is sent.
#pragma once
#include <stdint.h>

#include "kernel/arch/riscv64/syscall_abi.h"
#include "kernel/arch/riscv64/user_locus.h"
#include "kernel/core/kernel.h"
#include "kernel/core/prng.h"

namespace rv {

class GuestScheduler {
 public:
  GuestScheduler(sc::Kernel& kernel, uint64_t seed) : kernel_(kernel), prng_(seed) {}

  bool add(sc::LocusId locus, UserLocus* program);
  bool run();
  void yield_step();

 private:
  struct Entry {
    sc::LocusId locus;
    UserLocus* program;
    bool done;
    bool in_step;
  };
  uint32_t candidates(uint32_t* out) const;
  StepResult step(uint32_t index);

  sc::Kernel& kernel_;
  sc::Prng prng_;
  Entry entries_[sc::kMaxLoci] = {};
  uint32_t count_ = 0;
  int nesting_ = 0;
};

}  // namespace rv

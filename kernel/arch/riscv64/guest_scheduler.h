// guest_scheduler.h — the seeded scheduler of the workload loci of one run
// step inside the guest; the loci themselves run in U-mode (user_locus.h,
// locus_program.h). A line-by-line mirror of the in-process tier's
// scheduler (kernel/hosted/scheduler.cpp), so that the same seed steps the
// same loci in the same order in both tiers:
//  * the next locus to step is drawn with Prng::below() among the loci the
//    kernel says are runnable, not done and not already in a step;
//  * at a manager's yield point inside a stabilisation, yield_step() runs one
//    step of another such locus (outside a step it does nothing);
//  * run() gives up (returns false) after 64 × ready-count blocked steps in a
//    row, or when it ends with a locus not done.
// Interface: add(locus, program) (false once kMaxLoci are added), run()
// (true when every locus is done), yield_step().
// Invariant: a locus is never stepped while it is in a step.
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

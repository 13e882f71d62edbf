// locus_scheduler.h — the seeded scheduler of the workload loci of one run
// step, the one copy both tiers use (in-process programs call the kernel
// directly; the guest's programs run in U-mode):
//  * the next locus to step is drawn with Prng::below() among the loci the
//    kernel says are runnable, not done and not already in a step;
//  * at a manager's yield point inside a stabilisation, yield_step() runs one
//    step of another such locus (outside a step it does nothing), so a frozen
//    locus really stops mid-work while others go on;
//  * run() gives up (returns false) after 64 × ready-count blocked steps in a
//    row, or when it ends with a locus not done.
// Interface: add(locus, program) (false once kMaxLoci are added), run()
// (true when every locus is done), yield_step(); an optional StepObserver
// hears of every progressed step.
// Invariant: a program is never stepped while it is in a step. Platform-free
// (no heap, no libc).
#pragma once
#include <stdint.h>

#include "kernel/core/kernel.h"
#include "kernel/core/limits.h"
#include "kernel/core/prng.h"
#include "kernel/harness/step_result.h"

namespace sc {

class LocusProgram {
 public:
  virtual StepResult step(Kernel& kernel, LocusId locus) = 0;

 protected:
  ~LocusProgram() = default;
};

class StepObserver {
 public:
  // A step of `locus` progressed; `nested` if it ran at a yield point.
  virtual void stepped(LocusId locus, bool nested) = 0;

 protected:
  ~StepObserver() = default;
};

class LocusScheduler {
 public:
  LocusScheduler(Kernel& kernel, uint64_t seed, StepObserver* observer = nullptr)
      : kernel_(kernel), prng_(seed), observer_(observer) {}

  bool add(LocusId locus, LocusProgram* program);
  bool run();
  void yield_step();

 private:
  struct Entry {
    LocusId locus;
    LocusProgram* program;
    bool done;
    bool in_step;
  };
  uint32_t candidates(uint32_t* out) const;
  StepResult step(uint32_t index, bool nested);

  Kernel& kernel_;
  Prng prng_;
  StepObserver* observer_;
  Entry entries_[kMaxLoci] = {};
  uint32_t count_ = 0;
  int nesting_ = 0;
};

}  // namespace sc

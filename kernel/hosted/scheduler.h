// scheduler.h — deterministic scheduling of workload loci in-process. Each
// locus runs a LocusProgram one step at a time; the next locus to step is
// drawn from a seeded Prng among those the kernel says are runnable. At a
// manager's yield point inside a stabilisation, yield_step() runs one step
// of another runnable locus, so a frozen locus really stops mid-work while
// others go on. A program never steps re-entrantly.
#pragma once
#include <stddef.h>

#include <cstdint>
#include <vector>

#include "kernel/core/kernel.h"
#include "kernel/core/prng.h"

namespace sc {

enum class StepResult { progressed, blocked, done };

class LocusProgram {
 public:
  virtual ~LocusProgram() = default;
  virtual StepResult step(Kernel& kernel, LocusId locus) = 0;
};

struct StepRecord {
  LocusId locus;
  bool nested;  // ran at a yield point inside a stabilisation
};

class Scheduler {
 public:
  Scheduler(Kernel& kernel, uint64_t seed) : kernel_(kernel), prng_(seed) {}

  void add(LocusId locus, LocusProgram* program);
  // Runs every program to completion; false if they are stuck (all blocked).
  bool run();
  void yield_step();
  const std::vector<StepRecord>& log() const { return log_; }

 private:
  struct Entry {
    LocusId locus;
    LocusProgram* program;
    bool done;
    bool in_step;
  };
  std::vector<size_t> candidates() const;
  StepResult step(size_t index, bool nested);

  Kernel& kernel_;
  Prng prng_;
  std::vector<Entry> entries_;
  std::vector<StepRecord> log_;
  int nesting_ = 0;
};

}  // namespace sc

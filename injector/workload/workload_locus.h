// workload_locus.h — the program a workload locus runs in-process: one op
// per step, performed by the shared locus op (kernel/harness/locus_op.h)
// over direct kernel calls (the simulated MMU path). An op the kernel
// refuses with busy (its target is being stabilised) is retried at the
// locus's next step; every other outcome is an Event.
// `disk_position` (the disk's request count) stamps stabilise events.
#pragma once
#include <functional>
#include <vector>

#include "injector/workload/event.h"
#include "kernel/harness/locus_op.h"
#include "kernel/harness/locus_scheduler.h"

namespace sc {

class WorkloadLocus final : public LocusProgram {
 public:
  using Position = std::function<uint64_t()>;
  WorkloadLocus(const LocusSpec& spec, ContainerId home, std::vector<Event>& events, const Position& disk_position)
      : spec_(spec), home_(home), events_(events), disk_position_(disk_position) {
    caps_.clear();
  }

  StepResult step(Kernel& kernel, LocusId locus) override;

 private:
  const LocusSpec& spec_;
  ContainerId home_;
  std::vector<Event>& events_;
  const Position& disk_position_;
  size_t next_ = 0;
  CapCache caps_;
};

}  // namespace sc

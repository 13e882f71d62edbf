// workload_locus.h — the program a workload locus runs in-process: one op
// per step, through the kernel's locus calls (the simulated MMU path).
// An op the kernel refuses with busy (its target is being stabilised) is
// retried at the locus's next step; every other outcome is an Event.
#pragma once
#include <map>
#include <vector>

#include "injector/workload/event.h"
#include "kernel/hosted/scheduler.h"

namespace sc {

class WorkloadLocus final : public LocusProgram {
 public:
  WorkloadLocus(const LocusSpec& spec, ContainerId home, std::vector<Event>& events)
      : spec_(spec), home_(home), events_(events) {}

  StepResult step(Kernel& kernel, LocusId locus) override;

 private:
  Status cap_for(Kernel& kernel, LocusId locus, ContainerId id, Capref* cap);
  Status execute(Kernel& kernel, LocusId locus, const Op& op, Event* event);

  const LocusSpec& spec_;
  ContainerId home_;
  std::vector<Event>& events_;
  size_t next_ = 0;
  std::map<ContainerId, Capref> caps_;
};

}  // namespace sc

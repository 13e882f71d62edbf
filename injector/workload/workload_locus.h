// workload_locus.h — the program a workload locus runs in-process: one op
// per step, through the kernel's locus calls (the simulated MMU path).
// An op the kernel refuses with busy (its target is being stabilised) is
// retried at the locus's next step; every other outcome is an Event.
// `disk_position` (the disk's request count) stamps stabilise events.
#pragma once
#include <functional>
#include <map>
#include <vector>

#include "injector/workload/event.h"
#include "kernel/hosted/scheduler.h"

namespace sc {

class WorkloadLocus final : public LocusProgram {
 public:
  using Position = std::function<uint64_t()>;
  WorkloadLocus(const LocusSpec& spec, ContainerId home, std::vector<Event>& events, const Position& disk_position)
      : spec_(spec), home_(home), events_(events), disk_position_(disk_position) {}

  StepResult step(Kernel& kernel, LocusId locus) override;

 private:
  Status cap_for(Kernel& kernel, LocusId locus, ContainerId id, Capref* cap);
  Status execute(Kernel& kernel, LocusId locus, const Op& op, Event* event);

  const LocusSpec& spec_;
  ContainerId home_;
  std::vector<Event>& events_;
  const Position& disk_position_;
  size_t next_ = 0;
  std::map<ContainerId, Capref> caps_;
};

}  // namespace sc

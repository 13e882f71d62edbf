// workload_locus.cpp — see workload_locus.h.
#include "injector/workload/workload_locus.h"

#include <array>

namespace sc {

namespace {

// The locus calls of the in-process tier: straight into the kernel core;
// a stabilisation request is stamped with the disk positions around it.
class DirectLocusCalls final : public LocusCalls {
 public:
  DirectLocusCalls(Kernel& kernel, LocusId locus, const WorkloadLocus::Position& position, Event& event)
      : k_(kernel), locus_(locus), position_(position), event_(event) {}

  Status create_container(ContainerId id, ManagerId manager, Capref* out) override {
    return k_.locus_create_container(locus_, id, manager, out);
  }
  Status open(ContainerId id, Capref* out) override { return k_.locus_open(locus_, id, out); }
  Status write(Capref cap, uint32_t page, const uint8_t* data) override {
    return k_.locus_write(locus_, cap, page, data);
  }
  Status read(Capref cap, uint32_t page, uint8_t* buf) override { return k_.locus_read(locus_, cap, page, buf); }
  Status request_stabilisation(ManagerId manager) override {
    event_.disk_begin = position_();
    const Status s = k_.locus_request_stabilisation(locus_, manager);
    event_.disk_end = position_();
    return s;
  }

 private:
  Kernel& k_;
  LocusId locus_;
  const WorkloadLocus::Position& position_;
  Event& event_;
};

}  // namespace

StepResult WorkloadLocus::step(Kernel& kernel, LocusId locus) {
  if (next_ == spec_.ops.size()) return StepResult::done;
  const Op& op = spec_.ops[next_];
  Event event{op.kind, home_, op.container, op.manager, op.page, 0, Status::ok};
  DirectLocusCalls calls(kernel, locus, disk_position_, event);
  std::array<uint8_t, kPageSize> page;
  const LocusOp locus_op{op.kind, op.container, op.manager, op.page, op.value};
  event.status = perform_locus_op(calls, caps_, locus_op, page.data(), &event.hash);
  if (event.status == Status::busy) return StepResult::blocked;
  ++next_;
  events_.push_back(event);
  return StepResult::progressed;
}

}  // namespace sc

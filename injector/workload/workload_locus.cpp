// workload_locus.cpp — see workload_locus.h.
#include "injector/workload/workload_locus.h"

#include <array>

#include "injector/workload/page_content.h"
#include "kernel/core/checksum.h"

namespace sc {

Status WorkloadLocus::cap_for(Kernel& kernel, LocusId locus, ContainerId id, Capref* cap) {
  auto it = caps_.find(id);
  if (it != caps_.end()) {
    *cap = it->second;
    return Status::ok;
  }
  const Status s = kernel.locus_open(locus, id, cap);
  if (!failed(s)) caps_[id] = *cap;
  return s;
}

Status WorkloadLocus::execute(Kernel& kernel, LocusId locus, const Op& op, Event* event) {
  std::array<uint8_t, kPageSize> page;
  Capref cap;
  switch (op.kind) {
    case OpKind::create: {
      const Status s = kernel.locus_create_container(locus, op.container, op.manager, &cap);
      if (!failed(s)) caps_[op.container] = cap;
      return s;
    }
    case OpKind::write: {
      Status s = cap_for(kernel, locus, op.container, &cap);
      fill_page(op.value, page.data());
      event->hash = checksum64(page.data(), page.size());
      return failed(s) ? s : kernel.locus_write(locus, cap, op.page, page.data());
    }
    case OpKind::read: {
      Status s = cap_for(kernel, locus, op.container, &cap);
      if (!failed(s)) s = kernel.locus_read(locus, cap, op.page, page.data());
      if (!failed(s)) event->hash = checksum64(page.data(), page.size());
      return s;
    }
    case OpKind::stabilise: {
      event->disk_begin = disk_position_();
      const Status s = kernel.locus_request_stabilisation(locus, op.manager);
      event->disk_end = disk_position_();
      return s;
    }
  }
  return Status::bad_argument;
}

StepResult WorkloadLocus::step(Kernel& kernel, LocusId locus) {
  if (next_ == spec_.ops.size()) return StepResult::done;
  const Op& op = spec_.ops[next_];
  Event event{op.kind, home_, op.container, op.manager, op.page, 0, Status::ok};
  event.status = execute(kernel, locus, op, &event);
  if (event.status == Status::busy) return StepResult::blocked;
  ++next_;
  events_.push_back(event);
  return StepResult::progressed;
}

}  // namespace sc

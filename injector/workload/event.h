// event.h — one executed workload op, as the running system reported it.
// The scheduler's interleaving decides the order; the reference model
// replays events in that order. Ops refused with Status::busy are retried
// and never become events.
#pragma once
#include <cstdint>

#include "injector/workload/workload.h"
#include "kernel/core/status.h"

namespace sc {

struct Event {
  OpKind kind = OpKind::write;
  ContainerId home = kNoContainer;  // the executing locus's home container
  ContainerId container = kNoContainer;
  ManagerId manager = kNoManager;
  uint32_t page = 0;
  uint64_t hash = 0;  // write: hash of the content written; read: hash of the content read
  Status status = Status::ok;
  // stabilise: the disk's request count when the op started and returned,
  // as the runner observed it from outside the system under test.
  uint64_t disk_begin = 0;
  uint64_t disk_end = 0;
};

}  // namespace sc

// readback.h — reads the logical state out of a booted (recovered)
// in-process machine: for every workload container the kernel knows, the
// pages its manager reports and the hash of each page as read through the
// fault path (kernel/harness/readback.h, the copy the guest runs too).
// A page that cannot be read is recorded as kUnreadablePage.
#pragma once
#include "injector/oracle/system_state.h"
#include "kernel/hosted/machine.h"

namespace sc {

// Returns Status::ok and fills `state`, or the status of the manager call
// that failed (an enumeration the manager refused).
Status read_back(Machine& machine, const Workload& w, SystemState* state);

}  // namespace sc

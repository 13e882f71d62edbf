// fault_tools.h — what a tier lends the fault explorers that cannot work on
// the images of one trace (read_error_explore.h, io_error_explore.h), so both
// tiers run the same exploration code:
//  * make_checker — recovers each fault state (the tier's Checker; under
//    QEMU a recovery session whose plugin fails the read-error sectors);
//  * sectors_read — the sectors, sorted and distinct, that recovery of an
//    image (no faults) reads: the candidates for a read-error. Both tiers
//    take them from the in-process recovery of the image, which runs the
//    same kernel and manager code as the guest;
//  * record_failing — the workload recorded again with a Fault of kind
//    io_error (its request fails, Tier::record) or, in-process, call_error
//    or call_misuse (its system call fails or is misused,
//    injector/inproc/recording.h);
//  * call_sites — the system calls of a clean run, the candidates for a
//    call-error or call-misuse (in-process only: unset under QEMU);
//  * spread — the tier's checks are expensive (QEMU): the states of each
//    fault explorer are spread evenly over what it could check, within its
//    share of max_states (explore_with_faults.h), instead of taken in order.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "injector/check/checker.h"
#include "injector/check/recording.h"
#include "kernel/harness/call_fault/call_gate.h"

namespace sc {

struct FaultTools {
  CheckerFactory make_checker;
  std::function<std::vector<uint64_t>(const crash::ImageView&)> sectors_read;
  std::function<Recording(const crash::Fault&)> record_failing;
  std::function<std::vector<CallSite>()> call_sites;
  bool spread = false;
};

}  // namespace sc

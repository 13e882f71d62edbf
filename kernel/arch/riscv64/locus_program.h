// locus_program.h — a workload locus as it lives in U-mode (the kernel side
// is user_locus.h): the layout of its data region (LocusImage, at
// kContextDataBase) and locus_entry(), its program. The program walks its
// op list (at kContextOpsBase, read-only) one op per scheduler step and
// ends every step with the kLocusEndStep ecall (syscall_abi.h); the kernel
// resumes it after that ecall for the next step. Each op is performed by
// the locus op both tiers share (kernel/harness/locus_op.h), its locus
// calls made as ecalls; the step reports the op's event:
//  * an op answered busy ends the step as blocked and is retried, whole, at
//    the next step; any other answer ends it as progressed with the event
//    (kind, container, manager, page, hash, status);
//  * once every op has progressed, each step ends as done.
// Interface: LocusImage, locus_entry.
// Invariant: LocusImage::ops and op_count are set by the kernel before the
// first step and never change while the program runs.
#pragma once
#include <stdint.h>

#include "kernel/abi/workload_blob.h"
#include "kernel/core/ids.h"
#include "kernel/core/limits.h"
#include "kernel/harness/locus_op.h"

namespace rv {

struct LocusImage {
  const blob::Op* ops;  // user address
  uint32_t op_count;
  sc::CapCache caps;
  alignas(16) uint8_t page[sc::kPageSize];
};

}  // namespace rv

extern "C" [[noreturn]] void locus_entry(rv::LocusImage* image);

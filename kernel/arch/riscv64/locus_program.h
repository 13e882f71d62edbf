// locus_program.h — a workload locus as it lives in U-mode (the kernel side
// is user_locus.h): the layout of its data region (LocusImage, at
// kContextDataBase) and locus_entry(), its program. The program walks its
// op list (at kContextOpsBase, read-only) one op per scheduler step and
// ends every step with the kLocusEndStep ecall (syscall_abi.h); the kernel
// resumes it after that ecall for the next step. It performs each op with
// locus system calls, computes page contents and hashes itself, and
// reports the op's event with the step:
//  * an op answered busy ends the step as blocked and is retried, whole, at
//    the next step; any other answer ends it as progressed with the event
//    (kind, container, manager, page, hash, status);
//  * once every op has progressed, each step ends as done.
// It is a line-by-line mirror of injector/workload/workload_locus.cpp (the
// in-process tier's locus), so that both tiers make the same kernel calls.
// Interface: LocusImage, OpKind, locus_entry, fill_page.
// Invariant: LocusImage::ops and op_count are set by the kernel before the
// first step and never change while the program runs.
#pragma once
#include <stdint.h>

#include "kernel/arch/riscv64/workload_blob.h"
#include "kernel/core/ids.h"
#include "kernel/core/limits.h"

namespace rv {

// Op kinds of the workload blob (sc::OpKind's values).
enum OpKind : uint32_t { kOpCreate = 0, kOpWrite = 1, kOpRead = 2, kOpStabilise = 3 };

struct LocusImage {
  const blob::Op* ops;  // user address
  uint32_t op_count;
  bool cap_valid[sc::kMaxContainers];
  sc::Capref caps[sc::kMaxContainers];
  alignas(16) uint8_t page[sc::kPageSize];
};

// The page a workload write stores: injector/workload/page_content.cpp's
// fill_page(), which the cross-tier trace test keeps equal.
void fill_page(uint64_t value, uint8_t* page);

}  // namespace rv

extern "C" [[noreturn]] void locus_entry(rv::LocusImage* image);

// call_misuse.h — the call-misuse fault class's corruptions
// (injector/crash/crash_model.h, FAULT CLASSES): for each manager system
// call, the one argument a misused call passes to the kernel instead of the
// manager's, chosen so that every correct kernel must refuse it whatever
// the system's state (invariant K4, kernel/core/kernel.h):
//   * a forged capref — the manager's own slot with generation 0, which the
//     kernel never issues (cap_table.h): snapshot_request, read_page,
//     dirty_pages, clean_page;
//   * page number kMaxPageNumber, one past the largest: map_root_page,
//     supply_page, write_page, report_page;
//   * container id kMaxContainers, one past the largest: create_container;
//   * the block one past the end of the caller's partition: disk_read,
//     disk_write.
// disk_blocks and disk_flush take no argument to corrupt (passes_value(),
// managers/sdk/sys_call.h): they are never misused.
// Invariant: a correct kernel answers every misused call with an error and
// changes nothing; an answer of Status::ok is a finding.
// Platform-free (kernel/core rules).
#pragma once
#include "kernel/core/cap_table.h"
#include "kernel/core/ids.h"
#include "kernel/core/limits.h"
#include "managers/sdk/sys_call.h"

namespace sc {

constexpr uint32_t kMisusedPage = kMaxPageNumber;
constexpr ContainerId kMisusedContainer = kMaxContainers;

inline Capref forged(Capref cap) { return Capref{cap.slot, kNeverIssuedGeneration}; }

// What the misused call passes instead, e.g. "page 1048576 (one past the
// largest page number)"; "" for a call that passes no value.
const char* misuse_description(SysCall call);

}  // namespace sc

// syscall_abi.h — the system-call ABI between the kernel and its U-mode
// contexts (manager programs and workload loci), shared by both sides.
//
// An ecall carries the call number in a7 and its arguments in a0..a5; the
// kernel answers in a0 and resumes after the ecall. Answers are sc::Status
// values as signed numbers. A capref travels in one register (pack_cap).
// Pointers are user virtual addresses: the kernel checks every byte it
// touches (readable, or writable for results) and answers bad_argument for
// a bad one, never trapping on it. Manager calls and locus calls are
// numbered apart; a number the caller may not use kills the caller.
//
// Manager calls (managers/sdk/sys.h; the caller is the manager the kernel entered):
//   kManagerReturn(status)                 ends the upcall in progress with status
//   kManagerMapRootPage(cap, page)         kManagerSnapshotRequest(cap)
//   kManagerCreateContainer(id, Capref*)   kManagerSupplyPage(cap, page, data* or 0)
//   kManagerReadPage(cap, page, buf*)      kManagerWritePage(cap, page, data*)
//   kManagerDirtyPages(cap, uint32_t pages[kMaxFrames]*, uint32_t* count)
//   kManagerCleanPage(cap, page)           kManagerReportPage(cap, page)
//   kManagerDiskBlocks(uint64_t*)          kManagerDiskRead(block, buf*)
//   kManagerDiskWrite(block, data*)        kManagerDiskFlush()      kManagerYield()
// Every page buffer is sc::kPageSize bytes.
//
// Locus calls (the caller is the locus the scheduler is stepping):
//   kLocusEndStep(result, kind | container << 32, manager | page << 32, hash, status)
//                                          ends this step with a StepResult; a
//                                          progressed step carries its op's event
//   kLocusCreateContainer(id, manager, Capref*)   kLocusOpen(id, Capref*)
//   kLocusWrite(cap, page, data*)          kLocusRead(cap, page, buf*)
//   kLocusRequestStabilisation(manager)
//
// Upcall entry of a manager program (manager_program.h): a0 = its data
// region, a1 = an sc::UpcallKind or kUpcallConstruct; for an upcall a2 = self
// capref, a3 = target capref, a4 = pack_ids(self id, target id, page); for
// construct a2 = the program's constructor, a3 = its argument.
#pragma once
#include <stdint.h>

#include "kernel/core/ids.h"
#include "kernel/harness/step_result.h"
#include "kernel/core/status.h"

namespace rv {

enum ManagerCall : uint64_t {
  kManagerReturn = 0,
  kManagerMapRootPage = 1,
  kManagerSnapshotRequest = 2,
  kManagerCreateContainer = 3,
  kManagerSupplyPage = 4,
  kManagerReadPage = 5,
  kManagerWritePage = 6,
  kManagerDirtyPages = 7,
  kManagerCleanPage = 8,
  kManagerReportPage = 9,
  kManagerDiskBlocks = 10,
  kManagerDiskRead = 11,
  kManagerDiskWrite = 12,
  kManagerDiskFlush = 13,
  kManagerYield = 14,
};

enum LocusCall : uint64_t {
  kLocusEndStep = 0x100,
  kLocusCreateContainer = 0x101,
  kLocusOpen = 0x102,
  kLocusWrite = 0x103,
  kLocusRead = 0x104,
  kLocusRequestStabilisation = 0x105,
};

constexpr uint64_t kUpcallConstruct = 0xff;

// The result of one step of a workload locus (kernel/harness/step_result.h),
// the first argument of kLocusEndStep.
using StepResult = sc::StepResult;

inline uint64_t pack_cap(sc::Capref cap) { return cap.slot | static_cast<uint64_t>(cap.generation) << 32; }
inline sc::Capref unpack_cap(uint64_t v) {
  return sc::Capref{static_cast<uint32_t>(v), static_cast<uint32_t>(v >> 32)};
}

inline uint64_t pack_ids(sc::ContainerId self, sc::ContainerId target, uint32_t page) {
  return self | static_cast<uint64_t>(target) << 16 | static_cast<uint64_t>(page) << 32;
}

inline uint64_t status_word(sc::Status s) { return static_cast<uint64_t>(static_cast<int64_t>(s)); }
inline sc::Status word_status(uint64_t v) { return static_cast<sc::Status>(static_cast<int32_t>(v)); }

}  // namespace rv

// user.cpp — U-mode program loading, trap dispatch, system calls and
// demand paging; see user.h.
#include "kernel/arch/riscv64/user.h"

#include "kernel/arch/riscv64/console.h"
#include "kernel/arch/riscv64/csr.h"
#include "kernel/arch/riscv64/finisher.h"
#include "kernel/arch/riscv64/memory_layout.h"
#include "kernel/arch/riscv64/page_alloc.h"
#include "kernel/core/bytes.h"

namespace rv {

namespace {

constexpr uint64_t kMaxWrite = 256;

bool in_demand_region(uint64_t va) {
  return va >= kUserDemandBase && va < kUserDemandBase + kUserDemandPages * kPageSize;
}

uint64_t page_of(uint64_t va) { return va - va % kPageSize; }

}  // namespace

UserProgram UserProgram::load(const void* code, uint64_t size) {
  if (size > kPageSize) panic(FailCode::selftest, "user program of %lu bytes > one page", size);
  UserProgram program(AddressSpace::create());
  void* code_page = alloc_page();
  sc::copy_bytes(code_page, code, size);
  asm volatile("fence.i" ::: "memory");
  const auto code_pa = reinterpret_cast<uint64_t>(code_page);
  const auto stack_pa = reinterpret_cast<uint64_t>(alloc_page());
  if (!program.space_.map(kUserCodeBase, code_pa, kPteRead | kPteExec) ||
      !program.space_.map(kUserStackTop - kPageSize, stack_pa, kPteRead | kPteWrite))
    panic(FailCode::selftest, "cannot map the user program");
  program.frame_.pc = kUserCodeBase;
  program.frame_.regs[kRegSp] = kUserStackTop;
  return program;
}

RunReport UserProgram::run() {
  RunReport report{false, "exit", 0, 0, 0};
  space_.activate();
  for (;;) {
    user_enter(&frame_);
    const uint64_t cause = frame_.cause;
    if (cause == kCauseEcallFromU) {
      if (!serve_syscall(&report)) return report;
    } else if (cause == kCauseLoadPageFault || cause == kCauseStorePageFault ||
               cause == kCauseInstructionPageFault) {
      if (!serve_fault(frame_.tval)) {
        report.killed = true;
        report.reason = "page fault outside the demand region";
        return report;
      }
      ++report.faults_served;
    } else {
      kprintf("user trap mcause=%lu pc=0x%lx tval=0x%lx\n", cause, frame_.pc, frame_.tval);
      report.killed = true;
      report.reason = "unexpected trap";
      return report;
    }
  }
}

// Maps a zeroed page under va if va is an unmapped demand-region address.
// The faulting instruction is resumed: frame_.pc is left unchanged.
bool UserProgram::serve_fault(uint64_t va) {
  if (!in_demand_region(va) || space_.is_mapped(page_of(va))) return false;
  const auto pa = reinterpret_cast<uint64_t>(alloc_page());
  if (!space_.map(page_of(va), pa, kPteRead | kPteWrite)) return false;
  flush_tlb();
  return true;
}

// Returns false when the program has ended (exit or unknown call).
bool UserProgram::serve_syscall(RunReport* report) {
  ++report->syscalls;
  frame_.pc += 4;
  uint64_t* regs = frame_.regs;
  switch (regs[kRegA7]) {
    case kSysExit:
      report->exit_code = regs[kRegA0];
      return false;
    case kSysWrite:
      regs[kRegA0] = sys_write(regs[kRegA0], regs[kRegA1]);
      return true;
    default:
      report->killed = true;
      report->reason = "unknown system call";
      return false;
  }
}

// Prints len user bytes if every one is mapped readable; returns len, or
// ~0 (printing nothing) if len is too large or a byte is not readable.
uint64_t UserProgram::sys_write(uint64_t va, uint64_t len) {
  if (len > kMaxWrite) return ~0ULL;
  for (uint64_t i = 0; i < len; ++i)
    if (space_.translate(va + i, kPteRead) == 0) return ~0ULL;
  for (uint64_t i = 0; i < len; ++i)
    kputs(reinterpret_cast<const char*>(space_.translate(va + i, kPteRead)), 1);
  return len;
}

}  // namespace rv

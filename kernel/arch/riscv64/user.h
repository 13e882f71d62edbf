// user.h — running one U-mode program in its own Sv39 address space: the
// self-test's minimal programs (user_selftest.S). Manager programs and
// workload loci run through user_manager.h and user_locus.h instead.
// Interface: UserProgram::load(code, size) copies position-independent code
// to kUserCodeBase (read+execute) and gives it one stack page below
// kUserStackTop; run() enters U-mode and serves traps until the program
// exits or is killed, returning a RunReport.
// System call ABI: number in a7, arguments in a0..a5, result in a0; the
// ecall is resumed at the next instruction.
//   0 exit(code)              — ends the program with code
//   1 write(ptr, len) -> len  — prints user bytes on the console (len <= 256)
// Page faults inside the demand region [kUserDemandBase, +kUserDemandPages)
// on an unmapped page map a fresh zeroed read/write page and resume the
// faulting instruction; any other trap kills the program.
// Invariant: a user program cannot reach kernel memory or make the kernel
// trap: every user pointer is translated and checked before use.
#pragma once
#include <stdint.h>

#include "kernel/arch/riscv64/sv39.h"
#include "kernel/arch/riscv64/trap.h"

namespace rv {

enum Syscall : uint64_t { kSysExit = 0, kSysWrite = 1 };

struct RunReport {
  bool killed;             // true: the kernel ended it (reason says why)
  const char* reason;      // static string; "exit" when it exited
  uint64_t exit_code;      // a0 of exit()
  uint64_t faults_served;  // demand-paging faults resolved
  uint64_t syscalls;       // system calls made
};

class UserProgram {
 public:
  static UserProgram load(const void* code, uint64_t size);
  RunReport run();

 private:
  explicit UserProgram(AddressSpace space) : space_(space), frame_{} {}
  bool serve_fault(uint64_t va);
  bool serve_syscall(RunReport* report);
  uint64_t sys_write(uint64_t va, uint64_t len);

  AddressSpace space_;
  TrapFrame frame_;
};

}  // namespace rv

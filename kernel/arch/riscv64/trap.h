// trap.h — the boundary between the kernel and U-mode.
// Interface: user_enter(frame) loads the user registers and pc from frame
// and mrets into U-mode; it returns to its caller at the next trap from
// U-mode, with every user register, the pc (mepc), cause and tval saved in
// frame. The caller decides what to do (system call, page fault, kill) and
// calls user_enter again to resume. A frame belongs to one U-mode context
// (an upcall, a locus); while its context waits in a system call the kernel
// may enter other frames, even another frame of the same context, deeper on
// the kernel stack. kernel_trap() handles a trap taken in M-mode itself:
// always a kernel bug, it panics.
// Invariants: mscratch holds the frame of the running user program while in
// U-mode and 0 while in the kernel (so trap_entry.S can tell the two
// apart); interrupts are never enabled; the layout of TrapFrame is fixed by
// the offsets used in trap_entry.S (checked below).
#pragma once
#include <stddef.h>
#include <stdint.h>

namespace rv {

struct TrapFrame {
  uint64_t regs[32];   // x0..x31; regs[0] is unused (x0 is zero)
  uint64_t pc;         // user pc: where user_enter resumes
  uint64_t cause;      // mcause of the last trap
  uint64_t tval;       // mtval of the last trap
  uint64_t kernel_sp;  // kernel stack pointer inside user_enter
};

// Register numbers of the RISC-V calling convention used by the syscall ABI.
enum Reg : int {
  kRegSp = 2,
  kRegA0 = 10,
  kRegA1 = 11,
  kRegA2 = 12,
  kRegA3 = 13,
  kRegA4 = 14,
  kRegA7 = 17,
};

static_assert(offsetof(TrapFrame, pc) == 256);
static_assert(offsetof(TrapFrame, cause) == 264);
static_assert(offsetof(TrapFrame, tval) == 272);
static_assert(offsetof(TrapFrame, kernel_sp) == 280);

// Installs the trap vector, clears mscratch and opens physical memory to
// U-mode through PMP entry 0 (page tables decide what U-mode can reach).
void trap_init();

// A short name of an mcause value, for kill messages ("load page fault").
const char* trap_name(uint64_t cause);

}  // namespace rv

extern "C" void user_enter(rv::TrapFrame* frame);
extern "C" [[noreturn]] void kernel_trap(uint64_t cause, uint64_t epc, uint64_t tval);

// user_manager.h — a manager program running in U-mode, as the kernel core
// sees it: the sc::UpcallTarget that RvPlatform::bind_program returns.
// Each manager has its own Sv39 address space (built at its first start
// after reset, reused by later boots of the same machine): the kernel
// image's code and read-only data (kernel_image.h), its data region at
// kContextDataBase (a ManagerImage, manager_program.h) and a kStackPages
// stack below kContextStackTop with unmapped guard space under it; nothing
// else — no kernel data, no MMIO, no other context's pages.
//
// start() zeroes the data region and the stack of a reused space, so
// nothing of an earlier boot's program survives, then constructs the
// program in U-mode (a kUpcallConstruct entry). It is never called while
// an upcall of that manager is in progress (the kernel binds programs only
// while it boots, outside every upcall).
// upcall() enters it at manager_upcall_entry with the upcall in registers
// and serves its ecalls (manager_syscalls.h) until it ecalls kManagerReturn,
// whose Status is the upcall's result.
//
// Nesting: the kernel may upcall into a manager that is itself suspended in
// a system call (with the current managers it does: container_snapshot and
// the page faults of an ordinary manager's snapshot both arrive while the
// self-managing manager waits in the snapshot_request of its stabilise
// upcall). Such an upcall runs on the same stack, starting 16-byte aligned
// at or below the suspended frame's sp (RISC-V has no red zone), with its
// own TrapFrame on the kernel stack; the suspended upcall resumes when it
// returns.
//
// Killing: a trap other than ecall (illegal access included), an unknown
// call or an answer that is no Status kills the manager: the console says
// why, the upcall in progress and every suspended one end with kKilled, and
// every later upcall returns kKilled at once. The kernel core treats that
// as a failed operation (or a failed recovery); the next boot starts the
// program afresh.
#pragma once
#include <stdint.h>

#include "kernel/arch/riscv64/manager_program.h"
#include "kernel/arch/riscv64/user_space.h"
#include "kernel/arch/riscv64/trap.h"
#include "kernel/core/kernel.h"
#include "kernel/core/upcall.h"

namespace rv {

class UserManager final : public sc::UpcallTarget {
 public:
  static constexpr sc::Status kKilled = sc::Status::corrupt;
  static constexpr uint64_t kStackPages = 16;

  // False if the program was killed while constructing itself.
  bool start(sc::Kernel& kernel, sc::ManagerId id, sc::ManagerConstructor construct, uint64_t arg);
  sc::Status upcall(const sc::Upcall& call) override;

  bool killed() const { return killed_; }
  const char* kill_reason() const { return reason_; }
  // The kernel's pointer to this manager's data region (what it sees at kContextDataBase).
  uint8_t* data() const { return context_.data; }

 private:
  sc::Status enter(uint64_t op, uint64_t a2, uint64_t a3, uint64_t a4);
  sc::Status serve(TrapFrame& frame);
  sc::Status kill(const char* why, const TrapFrame& frame);

  sc::Kernel* kernel_ = nullptr;
  sc::ManagerId id_ = 0;
  ContextSpace context_;
  bool killed_ = false;
  const char* reason_ = nullptr;
  TrapFrame* innermost_ = nullptr;  // the newest upcall in progress
};

}  // namespace rv

// manager_syscalls.h — the kernel's half of the manager system calls
// (syscall_abi.h): decode one ecall, check every user pointer against the
// calling manager's address space (user_args.h), call the kernel core's
// sys_*(caller, ...) and put its Status in a0 — the riscv64 counterpart of
// kernel/hosted/direct_sys.h.
// Interface: serve_manager_call(kernel, caller, space, frame); false if a7
// is not a manager call served here (kManagerReturn is the upcall's end and
// belongs to user_manager.cpp; anything else kills the caller there).
// Invariant: `caller` is the manager the kernel entered, never a register.
#pragma once

#include "kernel/arch/riscv64/sv39.h"
#include "kernel/arch/riscv64/trap.h"
#include "kernel/core/kernel.h"

namespace rv {

bool serve_manager_call(sc::Kernel& kernel, sc::ManagerId caller, const AddressSpace& space, TrapFrame& frame);

}  // namespace rv

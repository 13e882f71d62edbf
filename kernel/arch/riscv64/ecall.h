// ecall.h — the U-mode side of a system call: ecall(number, a0..a4) traps
// to the kernel with the ABI of syscall_abi.h and returns the kernel's a0.
// Interface: ecall(); ecall_status(number, a0..a2), an ecall whose answer
// is an sc::Status; user_address(p), the register form of a pointer.
// Invariant: only code that runs in U-mode calls these; the "memory" clobber
// makes the compiler reload anything the kernel wrote through a pointer.
#pragma once
#include <stdint.h>

#include "kernel/arch/riscv64/syscall_abi.h"
#include "kernel/core/status.h"

namespace rv {

inline uint64_t ecall(uint64_t number, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0, uint64_t a3 = 0,
                      uint64_t a4 = 0) {
  register uint64_t r0 asm("a0") = a0;
  register uint64_t r1 asm("a1") = a1;
  register uint64_t r2 asm("a2") = a2;
  register uint64_t r3 asm("a3") = a3;
  register uint64_t r4 asm("a4") = a4;
  register uint64_t r7 asm("a7") = number;
  asm volatile("ecall" : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r7) : "memory");
  return r0;
}

inline sc::Status ecall_status(uint64_t number, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0) {
  return word_status(ecall(number, a0, a1, a2));
}

inline uint64_t user_address(const void* p) { return reinterpret_cast<uint64_t>(p); }

}  // namespace rv

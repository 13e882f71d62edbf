// csr.h — machine-mode control and status registers, read and written inline.
// Interface: csr_read(name) / csr_write(name, value) / csr_set / csr_clear
// macros over the CSR mnemonics, the mstatus/mcause constants this kernel
// uses, and memory fences. Invariant: only the kernel (M-mode) includes this.
#pragma once
#include <stdint.h>

#define csr_read(name)                                   \
  ({                                                     \
    uint64_t csr_value_;                                 \
    asm volatile("csrr %0, " #name : "=r"(csr_value_));  \
    csr_value_;                                          \
  })
#define csr_write(name, value) asm volatile("csrw " #name ", %0" ::"r"(uint64_t{value}))
#define csr_set(name, bits) asm volatile("csrs " #name ", %0" ::"r"(uint64_t{bits}))
#define csr_clear(name, bits) asm volatile("csrc " #name ", %0" ::"r"(uint64_t{bits}))

namespace rv {

constexpr uint64_t kMstatusMppMask = 3ULL << 11;  // previous privilege; 0 = U

// mcause values (exceptions only; interrupts only end a WFI, plic.h).
constexpr uint64_t kCauseEcallFromU = 8;
constexpr uint64_t kCauseInstructionPageFault = 12;
constexpr uint64_t kCauseLoadPageFault = 13;
constexpr uint64_t kCauseStorePageFault = 15;

// Orders all earlier memory accesses (RAM and MMIO) before all later ones.
inline void fence() { asm volatile("fence iorw, iorw" ::: "memory"); }

// Makes earlier page-table stores visible to the address translation.
inline void flush_tlb() { asm volatile("sfence.vma zero, zero" ::: "memory"); }

}  // namespace rv

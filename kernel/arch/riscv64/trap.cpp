// trap.cpp — trap setup, trap names and the M-mode trap panic; see trap.h.
#include "kernel/arch/riscv64/trap.h"

#include "kernel/arch/riscv64/csr.h"
#include "kernel/arch/riscv64/finisher.h"

extern "C" char trap_vector[];

namespace rv {

void trap_init() {
  csr_write(mtvec, reinterpret_cast<uint64_t>(trap_vector));
  csr_write(mscratch, 0);
  csr_write(mie, 0);
  // PMP entry 0: NAPOT over the whole physical space, read/write/execute.
  csr_write(pmpaddr0, ~0ULL >> 10);
  csr_write(pmpcfg0, 0x1f);
}

const char* trap_name(uint64_t cause) {
  switch (cause) {
    case 0: return "instruction address misaligned";
    case 1: return "instruction access fault";
    case 2: return "illegal instruction";
    case 3: return "breakpoint";
    case 4: return "load address misaligned";
    case 5: return "load access fault";
    case 6: return "store address misaligned";
    case 7: return "store access fault";
    case kCauseEcallFromU: return "ecall from U-mode";
    case kCauseInstructionPageFault: return "instruction page fault";
    case kCauseLoadPageFault: return "load page fault";
    case kCauseStorePageFault: return "store page fault";
    default: return "trap";
  }
}

}  // namespace rv

void kernel_trap(uint64_t cause, uint64_t epc, uint64_t tval) {
  rv::panic(rv::FailCode::kernel_trap, "kernel trap mcause=%lu mepc=0x%lx mtval=0x%lx", cause, epc,
            tval);
}

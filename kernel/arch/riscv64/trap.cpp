// trap.cpp — trap setup and the M-mode trap panic; see trap.h.
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

}  // namespace rv

void kernel_trap(uint64_t cause, uint64_t epc, uint64_t tval) {
  rv::panic(rv::FailCode::kernel_trap, "kernel trap mcause=%lu mepc=0x%lx mtval=0x%lx", cause, epc,
            tval);
}

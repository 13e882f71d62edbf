// plic.cpp — see plic.h. Register map of QEMU virt's PLIC (SiFive layout).
#include "kernel/arch/riscv64/plic.h"

namespace rv {

namespace {

constexpr uintptr_t kPlicBase = 0x0c000000;
constexpr uintptr_t kPriority = kPlicBase;                // 4 bytes per source
constexpr uintptr_t kEnableContext0 = kPlicBase + 0x2000;  // hart 0, M-mode
constexpr uintptr_t kThresholdContext0 = kPlicBase + 0x200000;
constexpr uintptr_t kClaimContext0 = kPlicBase + 0x200004;

volatile uint32_t& word(uintptr_t address) { return *reinterpret_cast<volatile uint32_t*>(address); }

}  // namespace

void plic_route(uint32_t irq) {
  word(kPriority + 4 * irq) = 1;
  volatile uint32_t& enable = word(kEnableContext0 + 4 * (irq / 32));
  enable = enable | (1u << (irq % 32));
  word(kThresholdContext0) = 0;
}

void plic_drain() {
  while (const uint32_t irq = word(kClaimContext0)) word(kClaimContext0) = irq;
}

}  // namespace rv

// plic.h — the QEMU virt PLIC, used only so that the CPU can sleep while a
// device works: a source routed to hart 0's M-mode context raises mip.MEIP,
// and a WFI ends when an interrupt is pending in mip & mie even with
// mstatus.MIE clear (RISC-V privileged spec, WFI), so no trap is ever taken.
// Interface: plic_route(irq) enables source irq for that context (priority
// 1, threshold 0); plic_drain() claims and completes whatever is pending, so
// that a later WFI waits for a new interrupt.
// Invariant: M-mode code sets mie.MEIE only around its own WFI wait and
// clears it after: with MEIE set, a pending interrupt would trap as soon as
// the hart enters U-mode.
#pragma once
#include <stdint.h>

namespace rv {

constexpr uint64_t kMieMeie = 1ULL << 11;  // machine external interrupt enable

void plic_route(uint32_t irq);
void plic_drain();

}  // namespace rv

// kernel_flash.h — where a kernel image's code lives for QEMU virt.
// stablecut's kernel runs its code and read-only data in place from flash
// (kernel.ld): its ELF loads only what the kernel writes, in RAM, and the
// build writes the flash bank beside it (stablecut-kernel.flash for
// stablecut-kernel.elf). QEMU rewrites what -kernel loaded at every machine
// reset, discarding the translated code of whatever it rewrote; the flash is
// never written, so a power-cycling QEMU translates the kernel's code once.
// Interface:
//   flash_image_of(elf)   the flash bank's path: elf with .elf replaced by
//                         .flash (or .flash appended);
//   runs_from_flash(elf)  whether elf's entry point is in the flash window
//                         (then QEMU must be given its flash bank);
//   kFlashBankBytes       the size QEMU requires of the bank's file.
// Invariant: an ELF whose entry is in RAM (an image linked the old way, or
// the spin guest) boots with -kernel alone.
#pragma once
#include <cstdint>
#include <string>

namespace sc::qemu {

constexpr uint64_t kFlashBankBytes = 32ULL << 20;

std::string flash_image_of(const std::string& kernel_elf);
bool runs_from_flash(const std::string& kernel_elf);

}  // namespace sc::qemu

# boot.S — reset entry of the kernel image (QEMU virt, -bios none).
# QEMU jumps to _start (in flash, 0x20000000) in M-mode with a0 = hart id and
# a1 = device-tree address. Hart 0 sets the stack (boot_stack_top from
# kernel.ld), clears .bss and calls kmain(hartid, dtb); any other hart parks.
# Invariant: nothing touches .bss or the stack before this runs; kmain never
# returns (if it does, the machine fails with FailCode::returned = 15).

  .section .text.boot
  .globl _start
_start:
  bnez a0, park
  la sp, boot_stack_top
  la t0, __bss_start
  la t1, __bss_end
clear_bss:
  bgeu t0, t1, bss_clear
  sd zero, 0(t0)
  addi t0, t0, 8
  j clear_bss
bss_clear:
  call kmain
  li t0, 0x100000
  li t1, 0xf3333           # finisher fail, code 15
  sw t1, 0(t0)
park:
  wfi
  j park

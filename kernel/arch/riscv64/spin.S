# spin.S — a kernel image that never exits: the runner's hang test boots it
# and expects to be stopped at its timeout. It prints one line so the test
# can also check that console output captured before a kill is kept.
  .section .text.boot
  .globl _start
_start:
  li t0, 0x10000000
  la t1, message
print:
  lbu t2, 0(t1)
  beqz t2, spin
  sb t2, 0(t0)
  addi t1, t1, 1
  j print
spin:
  j spin
message:
  .asciz "spin kernel: looping forever\n"

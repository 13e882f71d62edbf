# user_selftest.S — the U-mode self-test program, position-independent.
# The kernel copies the bytes between user_selftest_begin and
# user_selftest_end into a fresh code page and starts it at its first byte.
# It stores to and loads from the first demand-paged page (the store faults;
# the kernel maps a page and resumes the store), prints a line through the
# write system call and exits with 0, or with 1 if the loaded value differs.
# user_wild_begin..user_wild_end is a second program that loads from the
# kernel image and must be killed.
# System call ABI (user.h): number in a7, arguments in a0.., result in a0.

.equ SYS_EXIT, 0
.equ SYS_WRITE, 1
.equ DEMAND_BASE, 0x40000000

  .section .rodata.user, "a"
  .globl user_selftest_begin
  .globl user_selftest_end
  .align 4
user_selftest_begin:
  li t0, DEMAND_BASE
  li t1, 0x5ca1ab1e
  sd t1, 0(t0)
  ld t2, 0(t0)
  bne t1, t2, failed
  lla a0, message
  lla a1, message_end
  sub a1, a1, a0
  li a7, SYS_WRITE
  ecall
  li a0, 0
  li a7, SYS_EXIT
  ecall
failed:
  li a0, 1
  li a7, SYS_EXIT
  ecall
message:
  .ascii "user: hello from U-mode after a demand-paged store\n"
message_end:
  .align 4
user_selftest_end:

# A program that loads from kernel memory: the kernel must kill it.
  .globl user_wild_begin
  .globl user_wild_end
  .align 4
user_wild_begin:
  li t0, 0x80000000
  ld t1, 0(t0)
  li a0, 0
  li a7, SYS_EXIT
  ecall
  .align 4
user_wild_end:

# trap_entry.S — the machine trap vector and user_enter (see trap.h).
# user_enter(frame): saves the kernel's callee-saved registers on the kernel
# stack, records sp in frame->kernel_sp, sets mscratch = frame and mrets to
# frame->pc in U-mode with the user registers loaded.
# trap_vector: swaps a0 with mscratch. Non-zero means the trap came from
# U-mode: every user register, mepc, mcause and mtval go into the frame,
# mscratch becomes 0 and user_enter "returns". Zero means a trap inside the
# kernel: a0 is swapped back and kernel_trap() panics.

.equ FRAME_PC, 256
.equ FRAME_CAUSE, 264
.equ FRAME_TVAL, 272
.equ FRAME_KSP, 280
.equ KSAVE, 112

.macro for_user_regs op
  \op x1, 8(a0)
  \op x2, 16(a0)
  \op x3, 24(a0)
  \op x4, 32(a0)
  \op x5, 40(a0)
  \op x6, 48(a0)
  \op x7, 56(a0)
  \op x8, 64(a0)
  \op x9, 72(a0)
  \op x11, 88(a0)
  \op x12, 96(a0)
  \op x13, 104(a0)
  \op x14, 112(a0)
  \op x15, 120(a0)
  \op x16, 128(a0)
  \op x17, 136(a0)
  \op x18, 144(a0)
  \op x19, 152(a0)
  \op x20, 160(a0)
  \op x21, 168(a0)
  \op x22, 176(a0)
  \op x23, 184(a0)
  \op x24, 192(a0)
  \op x25, 200(a0)
  \op x26, 208(a0)
  \op x27, 216(a0)
  \op x28, 224(a0)
  \op x29, 232(a0)
  \op x30, 240(a0)
  \op x31, 248(a0)
.endm

.macro for_kernel_regs op
  \op ra, 0(sp)
  \op s0, 8(sp)
  \op s1, 16(sp)
  \op s2, 24(sp)
  \op s3, 32(sp)
  \op s4, 40(sp)
  \op s5, 48(sp)
  \op s6, 56(sp)
  \op s7, 64(sp)
  \op s8, 72(sp)
  \op s9, 80(sp)
  \op s10, 88(sp)
  \op s11, 96(sp)
  \op gp, 104(sp)
.endm

  .section .text
  .globl user_enter
user_enter:
  addi sp, sp, -KSAVE
  for_kernel_regs sd
  sd sp, FRAME_KSP(a0)
  csrw mscratch, a0
  ld t0, FRAME_PC(a0)
  csrw mepc, t0
  li t0, 0x1800            # mstatus.MPP = U
  csrc mstatus, t0
  for_user_regs ld
  ld a0, 80(a0)
  mret

  .globl trap_vector
  .align 4
trap_vector:
  csrrw a0, mscratch, a0
  beqz a0, from_kernel
  for_user_regs sd
  csrr t0, mscratch
  sd t0, 80(a0)
  csrw mscratch, zero
  csrr t0, mepc
  sd t0, FRAME_PC(a0)
  csrr t0, mcause
  sd t0, FRAME_CAUSE(a0)
  csrr t0, mtval
  sd t0, FRAME_TVAL(a0)
  ld sp, FRAME_KSP(a0)
  for_kernel_regs ld
  addi sp, sp, KSAVE
  ret

from_kernel:
  csrrw a0, mscratch, a0
  csrr a0, mcause
  csrr a1, mepc
  csrr a2, mtval
  j kernel_trap

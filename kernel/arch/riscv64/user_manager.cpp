// user_manager.cpp — see user_manager.h.
#include "kernel/arch/riscv64/user_manager.h"

#include "kernel/arch/riscv64/console.h"
#include "kernel/arch/riscv64/csr.h"
#include "kernel/arch/riscv64/manager_syscalls.h"
#include "kernel/arch/riscv64/memory_layout.h"
#include "kernel/arch/riscv64/syscall_abi.h"
#include "kernel/arch/riscv64/user_space.h"
#include "kernel/arch/riscv64/user_stats.h"

namespace rv {

namespace {

bool is_status(uint64_t word) {
  const int64_t v = static_cast<int64_t>(word);
  return v >= 0 && v <= static_cast<int64_t>(sc::kLastStatus);
}

}  // namespace

bool UserManager::start(sc::Kernel& kernel, sc::ManagerId id, sc::ManagerConstructor construct, uint64_t arg) {
  if (context_.space.valid()) {
    clear_context(context_);
  } else {
    context_ = build_context(sizeof(ManagerImage), kStackPages);
  }
  kernel_ = &kernel;
  id_ = id;
  killed_ = false;
  reason_ = nullptr;
  innermost_ = nullptr;
  if (sc::failed(enter(kUpcallConstruct, reinterpret_cast<uint64_t>(construct), arg, 0))) return false;
  ++user_stats().managers;
  return true;
}

sc::Status UserManager::upcall(const sc::Upcall& call) {
  return enter(static_cast<uint64_t>(call.kind), pack_cap(call.self), pack_cap(call.target),
               pack_ids(call.self_id, call.target_id, call.page));
}

sc::Status UserManager::enter(uint64_t op, uint64_t a2, uint64_t a3, uint64_t a4) {
  if (killed_) return kKilled;
  TrapFrame frame{};
  frame.pc = reinterpret_cast<uint64_t>(&manager_upcall_entry);
  frame.regs[kRegSp] = innermost_ == nullptr ? kContextStackTop : innermost_->regs[kRegSp] & ~15ULL;
  frame.regs[kRegA0] = kContextDataBase;
  frame.regs[kRegA1] = op;
  frame.regs[kRegA2] = a2;
  frame.regs[kRegA3] = a3;
  frame.regs[kRegA4] = a4;
  if (innermost_ != nullptr) ++user_stats().nested;
  TrapFrame* const outer = innermost_;
  innermost_ = &frame;
  const sc::Status s = serve(frame);
  innermost_ = outer;
  return s;
}

// Runs the upcall of `frame` in U-mode until it returns or dies. A nested
// upcall may run (and kill the manager) inside any system call served here.
sc::Status UserManager::serve(TrapFrame& frame) {
  for (;;) {
    context_.space.activate();
    user_enter(&frame);
    if (frame.cause != kCauseEcallFromU) return kill(trap_name(frame.cause), frame);
    ++user_stats().ecalls;
    frame.pc += 4;
    if (frame.regs[kRegA7] == kManagerReturn) {
      if (!is_status(frame.regs[kRegA0])) return kill("invalid status", frame);
      return word_status(frame.regs[kRegA0]);
    }
    if (!serve_manager_call(*kernel_, id_, context_.space, frame)) return kill("unknown system call", frame);
    if (killed_) return kKilled;
  }
}

sc::Status UserManager::kill(const char* why, const TrapFrame& frame) {
  killed_ = true;
  reason_ = why;
  ++user_stats().faults;
  kprintf("manager %u killed: %s (pc 0x%lx, tval 0x%lx, a7 %lu)\n", id_, why, frame.pc, frame.tval,
          frame.regs[kRegA7]);
  return kKilled;
}

}  // namespace rv

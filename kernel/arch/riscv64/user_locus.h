// user_locus.h — a workload locus running in U-mode, as the shared locus
// scheduler sees it (kernel/harness/locus_scheduler.h; the U-mode side is
// locus_program.h). Each locus context has its
// own Sv39 address space, built at its first start after reset and reused
// by later run steps: the kernel image's code and read-only data
// (kernel_image.h), a LocusImage data region at kContextDataBase, its op
// list read-only at kContextOpsBase (grown, never shrunk, when a locus has
// more ops than any before it in this context) and a kStackPages stack
// below kContextStackTop; nothing else.
// Interface: start(spec, channel) copies the op list of `spec` (the blob's
// LocusHeader, followed by its ops) into the context and restarts its
// program at the first op; step(kernel, locus) resumes the program for
// exactly one step and serves its locus calls (syscall_abi.h) with
// kernel.locus_*(locus, ...) until it ends the step, then returns the
// step's result. A progressed step's event goes to the host as a kEvent
// record; a stabilise request is preceded by a kMarkOpBegin record.
// A locus that traps, makes an unknown call or ends a step with no
// StepResult is killed (the console says why) and is done from then on.
// Invariant: step() is never re-entered for the same locus (the scheduler
// never steps a locus that is in a step), so a locus needs one TrapFrame,
// kept here between steps.
#pragma once
#include <stdint.h>

#include "kernel/arch/riscv64/channel_disk.h"
#include "kernel/arch/riscv64/locus_program.h"
#include "kernel/arch/riscv64/syscall_abi.h"
#include "kernel/arch/riscv64/trap.h"
#include "kernel/arch/riscv64/user_space.h"
#include "kernel/abi/workload_blob.h"
#include "kernel/core/kernel.h"
#include "kernel/harness/locus_scheduler.h"

namespace rv {

class UserLocus final : public sc::LocusProgram {
 public:
  static constexpr uint64_t kStackPages = 4;

  void start(const blob::LocusHeader* spec, ChannelDisk* channel);
  StepResult step(sc::Kernel& kernel, sc::LocusId locus) override;
  sc::ContainerId home() const { return static_cast<sc::ContainerId>(spec_->home); }

 private:
  void build();
  void load_ops();
  bool serve(sc::Kernel& kernel, sc::LocusId locus);
  StepResult end_step();
  StepResult kill(const char* why);

  ContextSpace context_;
  LocusImage* image_ = nullptr;  // context_.data, typed
  uint64_t op_pages_ = 0;        // pages mapped at kContextOpsBase
  const blob::LocusHeader* spec_ = nullptr;
  ChannelDisk* channel_ = nullptr;
  bool killed_ = false;
  TrapFrame frame_{};
};

}  // namespace rv

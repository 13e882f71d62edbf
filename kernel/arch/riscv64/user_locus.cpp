// user_locus.cpp — see user_locus.h.
#include "kernel/arch/riscv64/user_locus.h"

#include "kernel/arch/riscv64/console.h"
#include "kernel/arch/riscv64/csr.h"
#include "kernel/arch/riscv64/memory_layout.h"
#include "kernel/arch/riscv64/user_args.h"
#include "kernel/arch/riscv64/user_space.h"
#include "kernel/arch/riscv64/user_stats.h"
#include "kernel/core/bytes.h"

namespace rv {

void UserLocus::build() {
  context_ = build_context(sizeof(LocusImage), kStackPages);
  image_ = reinterpret_cast<LocusImage*>(context_.data);
}

// Copies the ops page by page: growth makes the op region several runs.
void UserLocus::load_ops() {
  const uint64_t bytes = uint64_t{spec_->op_count} * sizeof(blob::Op);
  const uint64_t pages = (bytes + kPageSize - 1) / kPageSize;
  if (pages > op_pages_) {
    map_region(context_.space, kContextOpsBase + op_pages_ * kPageSize, pages - op_pages_, kPteRead);
    op_pages_ = pages;
  }
  const auto* ops = reinterpret_cast<const uint8_t*>(spec_ + 1);
  for (uint64_t offset = 0; offset < bytes; offset += kPageSize) {
    const uint64_t pa = context_.space.translate(kContextOpsBase + offset, kPteRead);
    sc::copy_bytes(reinterpret_cast<void*>(pa), ops + offset, bytes - offset < kPageSize ? bytes - offset : kPageSize);
  }
}

void UserLocus::start(const blob::LocusHeader* spec, ChannelDisk* channel) {
  if (!context_.space.valid()) build();
  spec_ = spec;
  channel_ = channel;
  killed_ = false;
  load_ops();
  image_->ops = reinterpret_cast<const blob::Op*>(kContextOpsBase);
  image_->op_count = spec->op_count;
  image_->caps.clear();
  frame_ = TrapFrame{};
  frame_.pc = reinterpret_cast<uint64_t>(&locus_entry);
  frame_.regs[kRegSp] = kContextStackTop;
  frame_.regs[kRegA0] = kContextDataBase;
  ++user_stats().loci;
}

StepResult UserLocus::step(sc::Kernel& kernel, sc::LocusId locus) {
  if (killed_) return StepResult::done;
  for (;;) {
    context_.space.activate();
    user_enter(&frame_);
    if (frame_.cause != kCauseEcallFromU) return kill(trap_name(frame_.cause));
    ++user_stats().ecalls;
    frame_.pc += 4;
    if (frame_.regs[kRegA7] == kLocusEndStep) return end_step();
    if (!serve(kernel, locus)) return kill("unknown system call");
  }
}

// One locus call other than kLocusEndStep; false if the number is unknown.
bool UserLocus::serve(sc::Kernel& k, sc::LocusId locus) {
  UserArgs a(context_.space, frame_);
  switch (frame_.regs[kRegA7]) {
    case kLocusCreateContainer: {
      auto* out = reinterpret_cast<sc::Capref*>(a.out(2, sizeof(sc::Capref), alignof(sc::Capref)));
      answer(frame_, a.ok() ? k.locus_create_container(locus, static_cast<sc::ContainerId>(a.word(0)),
                                                        static_cast<sc::ManagerId>(a.word(1)), out)
                            : sc::Status::bad_argument);
      return true;
    }
    case kLocusOpen: {
      auto* out = reinterpret_cast<sc::Capref*>(a.out(1, sizeof(sc::Capref), alignof(sc::Capref)));
      answer(frame_, a.ok() ? k.locus_open(locus, static_cast<sc::ContainerId>(a.word(0)), out)
                            : sc::Status::bad_argument);
      return true;
    }
    case kLocusWrite: {
      const uint8_t* data = a.in(2, sc::kPageSize);
      answer(frame_, a.ok() ? k.locus_write(locus, a.cap(0), a.u32(1), data) : sc::Status::bad_argument);
      return true;
    }
    case kLocusRead: {
      uint8_t* buf = a.out(2, sc::kPageSize);
      answer(frame_, a.ok() ? k.locus_read(locus, a.cap(0), a.u32(1), buf) : sc::Status::bad_argument);
      return true;
    }
    case kLocusRequestStabilisation: {
      const uint64_t mark[] = {channel::kMarkOpBegin, static_cast<uint64_t>(sc::OpKind::stabilise), home(), a.u32(0)};
      channel_->send(channel::kMark, mark, 4);
      answer(frame_, k.locus_request_stabilisation(locus, static_cast<sc::ManagerId>(a.word(0))));
      return true;
    }
    default: return false;
  }
}

StepResult UserLocus::end_step() {
  const uint64_t* r = frame_.regs + kRegA0;
  switch (static_cast<StepResult>(r[0])) {
    case StepResult::progressed: {
      const uint64_t event[] = {r[1] & 0xffffffff, home(), r[1] >> 32, r[2] & 0xffffffff, r[2] >> 32, r[3], r[4]};
      channel_->send(channel::kEvent, event, 7);
      return StepResult::progressed;
    }
    case StepResult::blocked: return StepResult::blocked;
    case StepResult::done: return StepResult::done;
  }
  return kill("invalid step result");
}

StepResult UserLocus::kill(const char* why) {
  killed_ = true;
  ++user_stats().faults;
  kprintf("locus of container %u killed: %s (pc 0x%lx, tval 0x%lx, a7 %lu)\n", home(), why, frame_.pc, frame_.tval,
          frame_.regs[kRegA7]);
  return StepResult::done;
}

}  // namespace rv

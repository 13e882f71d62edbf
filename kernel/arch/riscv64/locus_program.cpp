// locus_program.cpp — see locus_program.h. Runs in U-mode.
#include "kernel/arch/riscv64/locus_program.h"

#include "kernel/arch/riscv64/ecall.h"
#include "kernel/arch/riscv64/syscall_abi.h"

namespace rv {

namespace {

void end_step(sc::StepResult r, uint64_t a1 = 0, uint64_t a2 = 0, uint64_t hash = 0, uint64_t status = 0) {
  ecall(kLocusEndStep, static_cast<uint64_t>(r), a1, a2, hash, status);
}

// The locus calls of the guest: ecalls to the kernel, which makes them on
// behalf of the locus being stepped.
class EcallLocusCalls final : public sc::LocusCalls {
 public:
  sc::Status create_container(sc::ContainerId id, sc::ManagerId manager, sc::Capref* out) override {
    return ecall_status(kLocusCreateContainer, id, manager, user_address(out));
  }
  sc::Status open(sc::ContainerId id, sc::Capref* out) override { return ecall_status(kLocusOpen, id, user_address(out)); }
  sc::Status write(sc::Capref cap, uint32_t page, const uint8_t* data) override {
    return ecall_status(kLocusWrite, pack_cap(cap), page, user_address(data));
  }
  sc::Status read(sc::Capref cap, uint32_t page, uint8_t* buf) override {
    return ecall_status(kLocusRead, pack_cap(cap), page, user_address(buf));
  }
  sc::Status request_stabilisation(sc::ManagerId manager) override {
    return ecall_status(kLocusRequestStabilisation, manager);
  }
};

sc::LocusOp locus_op(const blob::Op& o) {
  return sc::LocusOp{static_cast<sc::OpKind>(o.kind), static_cast<sc::ContainerId>(o.container),
                     static_cast<sc::ManagerId>(o.manager), o.page, o.value};
}

}  // namespace

}  // namespace rv

void locus_entry(rv::LocusImage* image) {
  rv::EcallLocusCalls calls;
  uint32_t next = 0;
  for (;;) {
    if (next == image->op_count) {
      rv::end_step(sc::StepResult::done);
      continue;
    }
    const rv::blob::Op& o = image->ops[next];
    uint64_t hash = 0;
    const sc::Status status = sc::perform_locus_op(calls, image->caps, rv::locus_op(o), image->page, &hash);
    if (status == sc::Status::busy) {
      rv::end_step(sc::StepResult::blocked);
      continue;
    }
    ++next;
    rv::end_step(sc::StepResult::progressed, o.kind | static_cast<uint64_t>(o.container) << 32,
                 o.manager | static_cast<uint64_t>(o.page) << 32, hash, rv::status_word(status));
  }
}

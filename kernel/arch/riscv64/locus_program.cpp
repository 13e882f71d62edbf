// locus_program.cpp — see locus_program.h. Runs in U-mode.
#include "kernel/arch/riscv64/locus_program.h"

#include "kernel/arch/riscv64/ecall.h"
#include "kernel/arch/riscv64/syscall_abi.h"
#include "kernel/core/bytes.h"
#include "kernel/core/checksum.h"

namespace rv {

namespace {

void end_step(StepResult r, uint64_t a1 = 0, uint64_t a2 = 0, uint64_t hash = 0, uint64_t status = 0) {
  ecall(kLocusEndStep, static_cast<uint64_t>(r), a1, a2, hash, status);
}

class Locus {
 public:
  explicit Locus(LocusImage& image) : s_(image) {}
  sc::Status execute(const blob::Op& o, uint64_t* hash);

 private:
  sc::Status cap_for(sc::ContainerId id, sc::Capref* cap);

  LocusImage& s_;
};

sc::Status Locus::cap_for(sc::ContainerId id, sc::Capref* cap) {
  if (id < sc::kMaxContainers && s_.cap_valid[id]) {
    *cap = s_.caps[id];
    return sc::Status::ok;
  }
  const sc::Status s = ecall_status(kLocusOpen, id, user_address(cap));
  if (!sc::failed(s) && id < sc::kMaxContainers) {
    s_.caps[id] = *cap;
    s_.cap_valid[id] = true;
  }
  return s;
}

sc::Status Locus::execute(const blob::Op& o, uint64_t* hash) {
  const auto container = static_cast<sc::ContainerId>(o.container);
  sc::Capref cap;
  switch (o.kind) {
    case kOpCreate: {
      const sc::Status s = ecall_status(kLocusCreateContainer, container, o.manager, user_address(&cap));
      if (!sc::failed(s) && container < sc::kMaxContainers) {
        s_.caps[container] = cap;
        s_.cap_valid[container] = true;
      }
      return s;
    }
    case kOpWrite: {
      const sc::Status s = cap_for(container, &cap);
      fill_page(o.value, s_.page);
      *hash = sc::checksum64(s_.page, sc::kPageSize);
      return sc::failed(s) ? s : ecall_status(kLocusWrite, pack_cap(cap), o.page, user_address(s_.page));
    }
    case kOpRead: {
      sc::Status s = cap_for(container, &cap);
      if (!sc::failed(s)) s = ecall_status(kLocusRead, pack_cap(cap), o.page, user_address(s_.page));
      if (!sc::failed(s)) *hash = sc::checksum64(s_.page, sc::kPageSize);
      return s;
    }
    case kOpStabilise: return ecall_status(kLocusRequestStabilisation, o.manager);
    default: return sc::Status::bad_argument;
  }
}

}  // namespace

void fill_page(uint64_t value, uint8_t* page) {
  const uint64_t base = sc::mix64(value ^ 0x5041474543544e54ULL);
  for (uint32_t i = 0; i < sc::kPageSize / 8; ++i) sc::store_u64(page + 8 * i, sc::mix64(base + i));
}

}  // namespace rv

void locus_entry(rv::LocusImage* image) {
  rv::Locus locus(*image);
  uint32_t next = 0;
  for (;;) {
    if (next == image->op_count) {
      rv::end_step(rv::StepResult::done);
      continue;
    }
    const rv::blob::Op& o = image->ops[next];
    uint64_t hash = 0;
    const sc::Status status = locus.execute(o, &hash);
    if (status == sc::Status::busy) {
      rv::end_step(rv::StepResult::blocked);
      continue;
    }
    ++next;
    rv::end_step(rv::StepResult::progressed, o.kind | static_cast<uint64_t>(o.container) << 32,
                 o.manager | static_cast<uint64_t>(o.page) << 32, hash, rv::status_word(status));
  }
}

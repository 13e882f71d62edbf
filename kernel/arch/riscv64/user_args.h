// user_args.h — the kernel's decoding of one ecall's arguments (ABI in
// syscall_abi.h): registers a0.. as numbers and caprefs, and user pointers
// checked against the caller's address space.
// Interface: UserArgs(space, frame); word(i), u32(i), cap(i) read register
// a0+i; in(i, len, align) and out(i, len, align) check the buffer that
// register a0+i points to for reading or for writing and return the
// kernel's pointer to it; ok() turns false as soon as one check fails.
// Invariant: a pointer is returned only if every byte of the buffer is
// mapped for the caller with the needed permission (U bit included), the
// buffer is physically contiguous and `align`-aligned; otherwise the result
// is nullptr and the call must answer bad_argument without touching it.
// u32() truncates, as the C calling convention does.
#pragma once
#include <stdint.h>

#include "kernel/arch/riscv64/sv39.h"
#include "kernel/arch/riscv64/syscall_abi.h"
#include "kernel/arch/riscv64/trap.h"

namespace rv {

class UserArgs {
 public:
  UserArgs(const AddressSpace& space, const TrapFrame& frame) : space_(space), frame_(frame) {}

  uint64_t word(int i) const { return frame_.regs[kRegA0 + i]; }
  uint32_t u32(int i) const { return static_cast<uint32_t>(word(i)); }
  sc::Capref cap(int i) const { return unpack_cap(word(i)); }
  const uint8_t* in(int i, uint64_t len, uint64_t align = 1) { return checked(i, len, align, kPteRead); }
  uint8_t* out(int i, uint64_t len, uint64_t align = 1) { return checked(i, len, align, kPteRead | kPteWrite); }
  bool ok() const { return ok_; }

 private:
  uint8_t* checked(int i, uint64_t len, uint64_t align, uint64_t need) {
    uint8_t* p = word(i) % align == 0 ? space_.range(word(i), len, need) : nullptr;
    if (p == nullptr) ok_ = false;
    return p;
  }

  const AddressSpace& space_;
  const TrapFrame& frame_;
  bool ok_ = true;
};

// Puts the answer of a call into a0.
inline void answer(TrapFrame& frame, sc::Status s) { frame.regs[kRegA0] = status_word(s); }

}  // namespace rv

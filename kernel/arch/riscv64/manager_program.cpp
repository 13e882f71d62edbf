// manager_program.cpp — see manager_program.h. Everything here but
// program_for() and bug_bits() runs in U-mode.
#include "kernel/arch/riscv64/manager_program.h"

#include "kernel/arch/riscv64/ecall.h"
#include "kernel/arch/riscv64/placement_new.h"
#include "kernel/arch/riscv64/syscall_abi.h"
#include "kernel/harness/bug_bits.h"

namespace rv {

namespace {

sc::UpcallTarget* construct_shadow(void* storage, sc::Sys& sys, uint64_t bits) {
  return new (storage) sc::ShadowManager(sys, sc::manager_bugs_from_bits(bits));
}

sc::UpcallTarget* construct_ordinary(void* storage, sc::Sys& sys, uint64_t) {
  return new (storage) sc::OrdinaryManager(sys);
}

}  // namespace

ProgramConstructor program_for(uint32_t entry) {
  switch (entry) {
    case sc::kEntryShadowManager: return construct_shadow;
    case sc::kEntryOrdinaryManager: return construct_ordinary;
    default: return nullptr;
  }
}

uint64_t bug_bits(const sc::ManagerBugs& bugs) { return sc::manager_bug_bits(bugs); }

}  // namespace rv

void manager_upcall_entry(rv::ManagerImage* image, uint64_t op, uint64_t a2, uint64_t a3, uint64_t a4) {
  sc::Status s = sc::Status::ok;
  if (op == rv::kUpcallConstruct) {
    auto* sys = new (image->sys) rv::EcallSys();
    image->target = reinterpret_cast<rv::ProgramConstructor>(a2)(image->program, *sys, a3);
    if (image->target == nullptr) s = sc::Status::bad_argument;
  } else {
    const sc::Upcall call{static_cast<sc::UpcallKind>(op), rv::unpack_cap(a2), static_cast<sc::ContainerId>(a4),
                          rv::unpack_cap(a3), static_cast<sc::ContainerId>(a4 >> 16),
                          static_cast<uint32_t>(a4 >> 32)};
    s = image->target->upcall(call);
  }
  for (;;) rv::ecall(rv::kManagerReturn, rv::status_word(s));
}

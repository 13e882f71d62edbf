// manager_program.cpp — see manager_program.h. Everything here runs in
// U-mode.
#include "kernel/arch/riscv64/manager_program.h"

#include "kernel/arch/riscv64/ecall.h"
#include "kernel/arch/riscv64/syscall_abi.h"
#include "managers/sdk/placement_new.h"

void manager_upcall_entry(rv::ManagerImage* image, uint64_t op, uint64_t a2, uint64_t a3, uint64_t a4) {
  sc::Status s = sc::Status::ok;
  if (op == rv::kUpcallConstruct) {
    auto* sys = new (image->sys) rv::EcallSys();
    image->target = reinterpret_cast<sc::ManagerConstructor>(a2)(image->program, *sys, static_cast<uint32_t>(a3));
    if (image->target == nullptr) s = sc::Status::bad_argument;
  } else {
    const sc::Upcall call{static_cast<sc::UpcallKind>(op), rv::unpack_cap(a2), static_cast<sc::ContainerId>(a4),
                          rv::unpack_cap(a3), static_cast<sc::ContainerId>(a4 >> 16),
                          static_cast<uint32_t>(a4 >> 32)};
    s = image->target->upcall(call);
  }
  for (;;) rv::ecall(rv::kManagerReturn, rv::status_word(s));
}

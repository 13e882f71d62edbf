// manager_program.h — a manager program as it lives in U-mode (the kernel
// side is user_manager.h). Its data region (kContextDataBase) holds a
// ManagerImage: the program's EcallSys and the manager object itself. The
// kernel enters it at manager_upcall_entry() for every upcall, with the
// registers of syscall_abi.h; the entry calls the manager and ends the
// upcall with the kManagerReturn ecall, so it never returns.
// The first entry after a boot is kUpcallConstruct: the program's
// sc::ManagerConstructor (managers/registry/registry.h says which program an
// entry id names) builds the manager object in place, in U-mode,
// so no manager code ever runs in M-mode.
// Interface: ManagerImage, manager_upcall_entry.
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "kernel/arch/riscv64/ecall_sys.h"
#include "kernel/core/upcall.h"
#include "managers/sdk/manager_program.h"

namespace rv {

struct ManagerImage {
  static constexpr size_t kProgramBytes = sc::kMaxManagerProgramBytes;
  static_assert(sc::kManagerProgramAlign <= 16, "program storage is 16-byte aligned");
  alignas(16) uint8_t sys[sizeof(EcallSys)];
  alignas(16) uint8_t program[kProgramBytes];
  sc::UpcallTarget* target;
};

}  // namespace rv

extern "C" [[noreturn]] void manager_upcall_entry(rv::ManagerImage* image, uint64_t op, uint64_t a2, uint64_t a3,
                                                  uint64_t a4);

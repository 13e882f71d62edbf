// manager_program.h — a manager program as it lives in U-mode (the kernel
// side is user_manager.h). Its data region (kContextDataBase) holds a
// ManagerImage: the program's EcallSys and the manager object itself. The
// kernel enters it at manager_upcall_entry() for every upcall, with the
// registers of syscall_abi.h; the entry calls the manager and ends the
// upcall with the kManagerReturn ecall, so it never returns.
// The first entry after a boot is kUpcallConstruct: the program's
// ProgramConstructor builds the manager object in place, in U-mode, so no
// manager code ever runs in M-mode.
// Interface: ProgramConstructor, ManagerImage, program_for(entry) (the
// constructor of the program with that invocation point, programs.h),
// bug_bits(bugs) (its argument), manager_upcall_entry.
#pragma once
#include <stddef.h>
#include <stdint.h>

#include "kernel/arch/riscv64/ecall_sys.h"
#include "kernel/core/upcall.h"
#include "managers/ordinary_manager.h"
#include "managers/programs.h"
#include "managers/shadow_manager.h"

namespace rv {

// Builds a manager object in `storage` (ManagerImage::kProgramBytes bytes)
// over `sys`, or returns nullptr; runs in U-mode.
using ProgramConstructor = sc::UpcallTarget* (*)(void* storage, sc::Sys& sys, uint64_t arg);

struct ManagerImage {
  static constexpr size_t kProgramBytes =
      sizeof(sc::ShadowManager) > sizeof(sc::OrdinaryManager) ? sizeof(sc::ShadowManager) : sizeof(sc::OrdinaryManager);
  alignas(16) uint8_t sys[sizeof(EcallSys)];
  alignas(16) uint8_t program[kProgramBytes];
  sc::UpcallTarget* target;
};

ProgramConstructor program_for(uint32_t entry);
uint64_t bug_bits(const sc::ManagerBugs& bugs);

}  // namespace rv

extern "C" [[noreturn]] void manager_upcall_entry(rv::ManagerImage* image, uint64_t op, uint64_t a2, uint64_t a3,
                                                  uint64_t a4);

// rv_platform.cpp — see rv_platform.h.
#include "kernel/arch/riscv64/rv_platform.h"

#include "kernel/arch/riscv64/user_manager.h"
#include "managers/registry/registry.h"

namespace rv {

namespace {

UserManager managers[sc::kMaxManagers];

}  // namespace

void RvPlatform::attach(sc::Kernel& kernel, sc::BlockDevice& disk) {
  kernel_ = &kernel;
  disk_ = &disk;
}

sc::UpcallTarget* RvPlatform::bind_program(sc::ManagerId id, uint32_t entry, uint32_t bug_bits) {
  if (id >= sc::kMaxManagers || kernel_ == nullptr) return nullptr;
  const sc::ManagerProgram* program = sc::find_manager_program(entry);
  if (program == nullptr) return nullptr;
  UserManager& m = managers[id];
  return m.start(*kernel_, id, program->construct, bug_bits) ? &m : nullptr;
}

void RvPlatform::set_yield_hook(YieldHook hook, void* context) {
  hook_ = hook;
  hook_context_ = context;
}

void RvPlatform::yield_point() {
  if (hook_ != nullptr) hook_(hook_context_);
}

void RvPlatform::page_reported(sc::ContainerId, uint32_t page) { reported_.report(page); }

}  // namespace rv

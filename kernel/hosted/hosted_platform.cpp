// hosted_platform.cpp — see hosted_platform.h.
#include "kernel/hosted/hosted_platform.h"

#include "kernel/harness/bug_bits.h"

namespace sc {

UpcallTarget* HostedPlatform::bind_program(ManagerId id, uint32_t entry) {
  if (id >= kMaxManagers || kernel_ == nullptr) return nullptr;
  const ManagerConstructor construct = manager_constructor(entry);
  Program& p = programs_[id];
  p = Program{};
  if (construct == nullptr) return nullptr;
  p.sys = std::make_unique<DirectSys>(*kernel_, id);
  p.storage = std::make_unique<ProgramStorage>();
  return construct(p.storage->bytes, *p.sys, manager_bug_bits(bugs_));
}

void HostedPlatform::yield_point() {
  if (yield_hook_) yield_hook_();
}

void HostedPlatform::page_reported(ContainerId, uint32_t page) {
  reported_.report(page);
}

}  // namespace sc

// hosted_platform.cpp — see hosted_platform.h.
#include "kernel/hosted/hosted_platform.h"

namespace sc {

UpcallTarget* HostedPlatform::bind_program(ManagerId id, uint32_t entry) {
  if (id >= kMaxManagers || kernel_ == nullptr) return nullptr;
  Program& p = programs_[id];
  p = Program{};
  p.sys = std::make_unique<DirectSys>(*kernel_, id);
  switch (entry) {
    case kEntryShadowManager:
      p.shadow = std::make_unique<ShadowManager>(*p.sys, bugs_);
      return p.shadow.get();
    case kEntryOrdinaryManager:
      p.ordinary = std::make_unique<OrdinaryManager>(*p.sys);
      return p.ordinary.get();
    default:
      return nullptr;
  }
}

void HostedPlatform::yield_point() {
  if (yield_hook_) yield_hook_();
}

void HostedPlatform::page_reported(ContainerId, uint32_t page) {
  reported_.report(page);
}

}  // namespace sc

// rv_platform.h — the riscv64 sc::Platform of workload mode: the channel
// disk, the manager programs linked into the kernel image, a yield hook for
// the guest scheduler, and a collector for reported pages.
// bind_program(id, entry, bugs) returns the UserManager of manager `id`: the
// program of invocation point `entry` (managers/registry/registry.h),
// constructed anew in U-mode in that manager's own address space at every
// bind, over a data region and stack zeroed first (UserManager::start), so
// no manager state survives a reboot; its system calls are ecalls
// (user_manager.h). An unknown entry, or a program killed while it
// constructs itself, binds nothing (nullptr).
// reported_pages() collects the pages managers report while the kernel
// enumerates a container (kernel/harness/page_collector.h, its limit shared
// with the in-process tier).
#pragma once
#include <stdint.h>

#include "kernel/core/kernel.h"
#include "kernel/core/platform.h"
#include "kernel/harness/page_collector.h"

namespace rv {

class RvPlatform final : public sc::Platform {
 public:
  using YieldHook = void (*)(void* context);

  void attach(sc::Kernel& kernel, sc::BlockDevice& disk);
  void set_yield_hook(YieldHook hook, void* context);
  sc::PageCollector& reported_pages() { return reported_; }

  sc::BlockDevice& disk() override { return *disk_; }
  sc::UpcallTarget* bind_program(sc::ManagerId id, uint32_t entry, uint32_t bug_bits) override;
  void yield_point() override;
  void page_reported(sc::ContainerId container, uint32_t page) override;

 private:
  sc::Kernel* kernel_ = nullptr;
  sc::BlockDevice* disk_ = nullptr;
  YieldHook hook_ = nullptr;
  void* hook_context_ = nullptr;
  sc::PageCollector reported_;
};

}  // namespace rv

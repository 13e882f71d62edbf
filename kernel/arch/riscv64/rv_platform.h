// rv_platform.h — the riscv64 sc::Platform of workload mode: the channel
// disk, the manager programs linked into the kernel image, a yield hook for
// the guest scheduler, and a collector for reported pages.
// Interface mirrors kernel/hosted/hosted_platform.h.
// bind_program(id, entry) returns the UserManager of manager `id`: the
// program of invocation point `entry` (manager_program.h), constructed anew
// in U-mode in that manager's own address space at every bind, over a data
// region and stack zeroed first (UserManager::start), so no manager state
// survives a reboot; its system calls are ecalls (user_manager.h). An unknown entry, or a program killed while it
// constructs itself, binds nothing (nullptr).
// collect_pages(true) starts a fresh list; (false) stops and keeps it.
// Invariant: collect_pages() keeps at most kMaxReported distinct pages,
// ascending; more is reported as overflow().
#pragma once
#include <stdint.h>

#include "kernel/core/kernel.h"
#include "kernel/core/platform.h"
#include "managers/programs.h"

namespace rv {

class RvPlatform final : public sc::Platform {
 public:
  static constexpr uint32_t kMaxReported = 4096;
  using YieldHook = void (*)(void* context);

  void attach(sc::Kernel& kernel, sc::BlockDevice& disk, const sc::ManagerBugs& bugs);
  void set_yield_hook(YieldHook hook, void* context);
  void collect_pages(bool on);
  const uint32_t* pages() const { return pages_; }
  uint32_t page_count() const { return page_count_; }
  bool overflow() const { return overflow_; }

  sc::BlockDevice& disk() override { return *disk_; }
  sc::UpcallTarget* bind_program(sc::ManagerId id, uint32_t entry) override;
  void yield_point() override;
  void page_reported(sc::ContainerId container, uint32_t page) override;

 private:
  sc::Kernel* kernel_ = nullptr;
  sc::BlockDevice* disk_ = nullptr;
  sc::ManagerBugs bugs_{};
  YieldHook hook_ = nullptr;
  void* hook_context_ = nullptr;
  bool collecting_ = false;
  bool overflow_ = false;
  uint32_t page_count_ = 0;
  uint32_t pages_[kMaxReported] = {};
};

}  // namespace rv

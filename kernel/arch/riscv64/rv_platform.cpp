// rv_platform.cpp — see rv_platform.h.
#include "kernel/arch/riscv64/rv_platform.h"

#include <stddef.h>

#include "kernel/hosted/direct_sys.h"
#include "managers/ordinary_manager.h"
#include "managers/shadow_manager.h"

// Placement new: the freestanding build has no <new>.
inline void* operator new(size_t, void* where) noexcept { return where; }

namespace rv {

namespace {

constexpr size_t max_size(size_t a, size_t b) { return a > b ? a : b; }

// Fixed storage of one manager program: its Sys and the manager object.
struct ProgramSlot {
  alignas(16) uint8_t sys[sizeof(sc::DirectSys)];
  alignas(16) uint8_t manager[max_size(sizeof(sc::ShadowManager), sizeof(sc::OrdinaryManager))];
};

ProgramSlot slots[sc::kMaxManagers];

}  // namespace

void RvPlatform::attach(sc::Kernel& kernel, sc::BlockDevice& disk, const sc::ManagerBugs& bugs) {
  kernel_ = &kernel;
  disk_ = &disk;
  bugs_ = bugs;
}

sc::UpcallTarget* RvPlatform::bind_program(sc::ManagerId id, uint32_t entry) {
  if (id >= sc::kMaxManagers || kernel_ == nullptr) return nullptr;
  ProgramSlot& slot = slots[id];
  auto* sys = new (slot.sys) sc::DirectSys(*kernel_, id);
  switch (entry) {
    case sc::kEntryShadowManager: return new (slot.manager) sc::ShadowManager(*sys, bugs_);
    case sc::kEntryOrdinaryManager: return new (slot.manager) sc::OrdinaryManager(*sys);
    default: return nullptr;
  }
}

void RvPlatform::set_yield_hook(YieldHook hook, void* context) {
  hook_ = hook;
  hook_context_ = context;
}

void RvPlatform::yield_point() {
  if (hook_ != nullptr) hook_(hook_context_);
}

void RvPlatform::collect_pages(bool on) {
  collecting_ = on;
  if (!on) return;
  page_count_ = 0;
  overflow_ = false;
}

// Inserts `page` in ascending order unless present (the hosted tier sorts
// and deduplicates the same way).
void RvPlatform::page_reported(sc::ContainerId, uint32_t page) {
  if (!collecting_) return;
  uint32_t i = page_count_;
  while (i > 0 && pages_[i - 1] > page) --i;
  if (i > 0 && pages_[i - 1] == page) return;
  if (page_count_ == kMaxReported) {
    overflow_ = true;
    return;
  }
  for (uint32_t j = page_count_; j > i; --j) pages_[j] = pages_[j - 1];
  pages_[i] = page;
  ++page_count_;
}

}  // namespace rv

// hosted_platform.cpp — see hosted_platform.h.
#include "kernel/hosted/hosted_platform.h"

#include "managers/registry/registry.h"

namespace sc {

// A program bound again (every boot binds every program) gets its old
// storage back: a fresh 64 KiB per program and boot was a quarter of a fuzz
// input's time under ASan, whose quarantine hands out fresh pages for every
// allocation. construct_program<T> zeroes the bytes the program occupies
// (manager_program.h), so nothing of the last boot's object survives.
std::unique_ptr<HostedPlatform::ProgramStorage> HostedPlatform::reused(std::unique_ptr<ProgramStorage> old) {
  return old ? std::move(old) : std::make_unique<ProgramStorage>();
}

// The Sys the program is constructed over: DirectSys, behind the FailingSys
// and the ManagerSeam that are set.
Sys& HostedPlatform::wrapped_sys(ManagerId id, Program& p) {
  Sys* sys = p.sys.get();
  if (call_gate_ != nullptr) {
    p.failing = std::make_unique<FailingSys>(*call_gate_, id, *sys);
    sys = p.failing.get();
  }
  if (mutant_ != nullptr) {
    p.seam = std::make_unique<ManagerSeam>(*mutant_, id, *sys);
    sys = p.seam.get();
  }
  return *sys;
}

// The kernel's upcalls pass the FailingSys, then the ManagerSeam, then reach the program.
UpcallTarget* HostedPlatform::wrapped_target(Program& p, UpcallTarget* program) {
  UpcallTarget* target = program;
  if (p.seam) {
    p.seam->bind(target);
    target = p.seam.get();
  }
  if (p.failing) {
    p.failing->bind(target);
    target = p.failing.get();
  }
  return target;
}

UpcallTarget* HostedPlatform::bind_program(ManagerId id, uint32_t entry, uint32_t bug_bits) {
  if (id >= kMaxManagers || kernel_ == nullptr) return nullptr;
  const ManagerProgram* program = find_manager_program(entry);
  Program& p = programs_[id];
  std::unique_ptr<ProgramStorage> storage = std::move(p.storage);
  p = Program{};
  if (program == nullptr) return nullptr;
  p.sys = std::make_unique<DirectSys>(*kernel_, id);
  p.storage = reused(std::move(storage));
  UpcallTarget* target = program->construct(p.storage->bytes, wrapped_sys(id, p), bug_bits);
  return target == nullptr ? nullptr : wrapped_target(p, target);
}

void HostedPlatform::set_disk(BlockDevice& disk) {
  disk_ = disk;
  if (mutant_disk_) mutant_disk_->set_inner(disk);
}

void HostedPlatform::set_mutant(MutantRun& run) {
  mutant_ = &run;
  mutant_disk_ = std::make_unique<MutantDisk>(run, disk_.get());
}

BlockDevice& HostedPlatform::disk() {
  if (mutant_disk_) return *mutant_disk_;
  return disk_.get();
}

void HostedPlatform::yield_point() {
  if (yield_hook_) yield_hook_();
}

void HostedPlatform::page_reported(ContainerId, uint32_t page) {
  reported_.report(page);
}

}  // namespace sc

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

UpcallTarget* HostedPlatform::bind_program(ManagerId id, uint32_t entry, uint32_t bug_bits) {
  if (id >= kMaxManagers || kernel_ == nullptr) return nullptr;
  const ManagerProgram* program = find_manager_program(entry);
  Program& p = programs_[id];
  std::unique_ptr<ProgramStorage> storage = std::move(p.storage);
  p = Program{};
  if (program == nullptr) return nullptr;
  p.sys = std::make_unique<DirectSys>(*kernel_, id);
  p.storage = reused(std::move(storage));
  if (mutant_ == nullptr) return program->construct(p.storage->bytes, *p.sys, bug_bits);
  p.seam = std::make_unique<ManagerSeam>(*mutant_, id, *p.sys);
  UpcallTarget* target = program->construct(p.storage->bytes, *p.seam, bug_bits);
  if (target == nullptr) return nullptr;
  p.seam->bind(target);
  return p.seam.get();
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

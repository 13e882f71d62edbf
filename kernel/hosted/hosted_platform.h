// hosted_platform.h — the in-process Platform: the disk it is given, the
// manager programs linked into this process (which program an entry names is
// managers/registry/registry.h; each is constructed anew at every boot
// in fresh memory of this process, over a DirectSys, so no manager state
// survives a power cut), a yield hook for the scheduler, and a collector for
// pages reported by managers. With set_mutant(), every program is bound
// through a ManagerSeam and the kernel's disk through a MutantDisk
// (kernel/harness/mutant/), both counting into (and mutating as planned by)
// the caller's MutantRun, which outlives every boot. With set_call_gate(),
// every program is bound through a FailingSys (kernel/harness/call_fault/),
// which asks the caller's gate each system call's fate (call-error,
// call-misuse); the
// chain is program -> ManagerSeam -> FailingSys -> DirectSys -> kernel.
#pragma once
#include <functional>
#include <memory>

#include "kernel/core/kernel.h"
#include "kernel/core/platform.h"
#include "kernel/harness/page_collector.h"
#include "kernel/harness/call_fault/failing_sys.h"
#include "kernel/harness/mutant/manager_seam.h"
#include "kernel/harness/mutant/mutant_disk.h"
#include "kernel/hosted/direct_sys.h"
#include "managers/sdk/manager_program.h"

namespace sc {

class HostedPlatform final : public Platform {
 public:
  explicit HostedPlatform(BlockDevice& disk) : disk_(disk) {}

  void attach(Kernel& kernel) { kernel_ = &kernel; }
  void set_disk(BlockDevice& disk);
  // Binds programs bound from now on, and the kernel's disk, to `run`.
  void set_mutant(MutantRun& run);
  // Binds programs bound from now on through a FailingSys asking `gate`.
  void set_call_gate(CallGate& gate) { call_gate_ = &gate; }
  void set_yield_hook(std::function<void()> hook) { yield_hook_ = std::move(hook); }
  // The pages managers report while the kernel enumerates a container.
  PageCollector& reported_pages() { return reported_; }

  BlockDevice& disk() override;
  UpcallTarget* bind_program(ManagerId id, uint32_t entry, uint32_t bug_bits) override;
  void yield_point() override;
  void page_reported(ContainerId container, uint32_t page) override;

 private:
  struct ProgramStorage {
    alignas(kManagerProgramAlign) unsigned char bytes[kMaxManagerProgramBytes];
  };
  struct Program {
    std::unique_ptr<DirectSys> sys;
    std::unique_ptr<ProgramStorage> storage;  // the program object lives here
    std::unique_ptr<ManagerSeam> seam;        // with a mutant run: between the program and sys
    std::unique_ptr<FailingSys> failing;      // with a call gate: between the seam (or program) and sys
  };

  static std::unique_ptr<ProgramStorage> reused(std::unique_ptr<ProgramStorage> old);
  Sys& wrapped_sys(ManagerId id, Program& p);
  UpcallTarget* wrapped_target(Program& p, UpcallTarget* program);

  std::reference_wrapper<BlockDevice> disk_;
  MutantRun* mutant_ = nullptr;
  CallGate* call_gate_ = nullptr;
  std::unique_ptr<MutantDisk> mutant_disk_;
  Kernel* kernel_ = nullptr;
  Program programs_[kMaxManagers];
  std::function<void()> yield_hook_;
  PageCollector reported_;
};

}  // namespace sc

// failing_sys.h — FailingSys sits between one manager program and its Sys
// (the call-error and call-misuse fault classes,
// injector/crash/crash_model.h): the program calls it as its Sys, the
// kernel calls it as the program's UpcallTarget. Every system call is first
// shown to the run's CallGate with its site (the manager, the upcall it is
// answering, the call) and meets the fate the gate gives it:
//   * fail — returns Status::io_error without reaching the kernel: a kernel
//     call that failed for a reason outside the manager's control;
//   * misuse — reaches the kernel with one argument corrupted as
//     call_misuse.h says; the kernel's answer goes to the gate and back to
//     the program;
//   * pass — reaches the kernel unchanged.
// Every upcall passes through unchanged. yield() is not a call that can
// fail; a call with no argument to corrupt passes when misused, and the
// gate hears no answer.
// Platform-free (kernel/core rules); the gate outlives the seam (one seam
// per program per boot, one gate per recorded run).
#pragma once
#include "kernel/core/upcall.h"
#include "kernel/harness/call_fault/call_gate.h"
#include "managers/sdk/sys.h"

namespace sc {

class FailingSys final : public Sys, public UpcallTarget {
 public:
  FailingSys(CallGate& gate, ManagerId id, Sys& inner) : gate_(gate), id_(id), inner_(inner) {}
  // The upcall target the kernel's upcalls go on to (the program, or a seam before it).
  void bind(UpcallTarget* next) { next_ = next; }

  Status upcall(const Upcall& call) override;

  Status map_root_page(Capref cont, uint32_t page) override;
  Status snapshot_request(Capref self) override;
  Status create_container(ContainerId id, Capref* out) override;
  Status supply_page(Capref cont, uint32_t page, const uint8_t* data) override;
  Status read_page(Capref cont, uint32_t page, uint8_t* buf) override;
  Status write_page(Capref cont, uint32_t page, const uint8_t* data) override;
  Status dirty_pages(Capref cont, uint32_t* pages, uint32_t* count) override;
  Status clean_page(Capref cont, uint32_t page) override;
  Status report_page(Capref cont, uint32_t page) override;
  Status disk_blocks(uint64_t* blocks) override;
  Status disk_read(uint64_t block, uint8_t* buf) override;
  Status disk_write(uint64_t block, const uint8_t* buf) override;
  Status disk_flush() override;
  void yield() override { inner_.yield(); }

 private:
  // Runs `as_asked` or `misused` (each returns the kernel's Status), or
  // neither, as the gate decides for `call`.
  template <class AsAsked, class Misused>
  Status route(SysCall call, AsAsked as_asked, Misused misused) {
    switch (gate_.fate(CallSite{id_, upcall_, call})) {
      case CallFate::fail: return Status::io_error;
      case CallFate::misuse: {
        if (!passes_value(call)) break;
        const Status answer = misused();
        gate_.misuse_answered(answer);
        return answer;
      }
      case CallFate::pass: break;
    }
    return as_asked();
  }
  // The first block past the caller's partition (the largest block number
  // if the kernel will not say).
  uint64_t past_end();

  CallGate& gate_;
  ManagerId id_;
  Sys& inner_;
  UpcallTarget* next_ = nullptr;
  UpcallKind upcall_ = UpcallKind::start_fresh;  // the innermost upcall being answered
};

}  // namespace sc

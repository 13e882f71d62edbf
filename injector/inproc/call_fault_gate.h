// call_fault_gate.h — the in-process CallGate of the call-error fault class
// (injector/crash/crash_model.h, FAULT CLASSES): counts every system call the
// managers of one recorded run make, over every boot, keeps its site, and
// fails the call whose ordinal is `fail_at` (none with kNeverFail: a census).
// While paused (the checker's read-back of a recovered system, which is not
// part of the run) calls are neither counted nor failed.
// Invariant: the ordinals are those of the recorded run alone, so the same
// workload meets the same call at the same ordinal in every recording.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "kernel/harness/call_fault/call_gate.h"

namespace sc {

class CallFaultGate final : public CallGate {
 public:
  static constexpr uint64_t kNeverFail = UINT64_MAX;

  explicit CallFaultGate(uint64_t fail_at = kNeverFail) : fail_at_(fail_at) {}

  bool fail(const CallSite& site) override;
  void set_paused(bool paused) { paused_ = paused; }
  // Called once, as the failing call returns its error.
  void on_fail(std::function<void()> hook) { on_fail_ = std::move(hook); }

  // The site of the failed call, once it failed.
  const std::optional<CallSite>& failed_call() const { return failed_; }
  // Every call counted so far, in order (the census of a run).
  const std::vector<CallSite>& sites() const { return sites_; }

 private:
  uint64_t fail_at_;
  bool paused_ = false;
  std::function<void()> on_fail_;
  std::optional<CallSite> failed_;
  std::vector<CallSite> sites_;
};

}  // namespace sc

// call_fault_gate.h — the in-process CallGate of the call-error and
// call-misuse fault classes (injector/crash/crash_model.h, FAULT CLASSES):
// counts every system call the managers of one recorded run make, over
// every boot, keeps its site, and gives the call whose ordinal is `at` the
// fate `fate` (fail or misuse; none with kNever: a census); every other
// call passes. While paused (the checker's read-back of a recovered system,
// which is not part of the run) calls are neither counted nor faulted.
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
  static constexpr uint64_t kNever = UINT64_MAX;

  explicit CallFaultGate(uint64_t at = kNever, CallFate fate = CallFate::fail) : at_(at), fate_(fate) {}

  CallFate fate(const CallSite& site) override;
  void misuse_answered(Status answer) override { misuse_answer_ = answer; }
  void set_paused(bool paused) { paused_ = paused; }
  // Called once, as the faulted call is failed or misused (before the
  // kernel answers a misused call).
  void on_fault(std::function<void()> hook) { on_fault_ = std::move(hook); }

  // The site of the faulted call, once it was faulted.
  const std::optional<CallSite>& faulted_call() const { return faulted_; }
  // What the kernel answered the misused call, once it answered.
  const std::optional<Status>& misuse_answer() const { return misuse_answer_; }
  // Every call counted so far, in order (the census of a run).
  const std::vector<CallSite>& sites() const { return sites_; }

 private:
  uint64_t at_;
  CallFate fate_;
  bool paused_ = false;
  std::function<void()> on_fault_;
  std::optional<CallSite> faulted_;
  std::optional<Status> misuse_answer_;
  std::vector<CallSite> sites_;
};

}  // namespace sc

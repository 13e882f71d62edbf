// call_fault_gate.cpp — see call_fault_gate.h.
#include "injector/inproc/call_fault_gate.h"

namespace sc {

bool CallFaultGate::fail(const CallSite& site) {
  if (paused_) return false;
  const uint64_t ordinal = sites_.size();
  sites_.push_back(site);
  if (ordinal != fail_at_) return false;
  failed_ = site;
  if (on_fail_) on_fail_();
  return true;
}

}  // namespace sc

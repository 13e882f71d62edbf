// call_fault_gate.cpp — see call_fault_gate.h.
#include "injector/inproc/call_fault_gate.h"

namespace sc {

CallFate CallFaultGate::fate(const CallSite& site) {
  if (paused_) return CallFate::pass;
  const uint64_t ordinal = sites_.size();
  sites_.push_back(site);
  if (ordinal != at_) return CallFate::pass;
  faulted_ = site;
  if (on_fault_) on_fault_();
  return fate_;
}

}  // namespace sc

// call_gate.h — the site of one manager system call (which manager made it
// while answering which upcall) and the gate that decides, for every call
// of a run, its fate (FailingSys, failing_sys.h, asks it): it passes, it
// fails without reaching the kernel (the call-error fault class), or it
// reaches the kernel misused, one argument corrupted (call-misuse,
// call_misuse.h), and the gate hears the kernel's answer.
// Platform-free (kernel/core rules).
#pragma once
#include <stdint.h>

#include "kernel/core/ids.h"
#include "kernel/core/status.h"
#include "kernel/core/upcall.h"
#include "managers/sdk/sys_call.h"

namespace sc {

struct CallSite {
  ManagerId manager = kNoManager;
  UpcallKind upcall = UpcallKind::start_fresh;  // the upcall the manager was answering
  SysCall call = SysCall::map_root_page;

  friend bool operator==(const CallSite&, const CallSite&) = default;
};

enum class CallFate : uint8_t { pass, fail, misuse };

class CallGate {
 public:
  virtual CallFate fate(const CallSite& site) = 0;
  // What the kernel answered the call fate() misused.
  virtual void misuse_answered(Status answer) = 0;

 protected:
  ~CallGate() = default;
};

}  // namespace sc

// call_gate.h — the site of one manager system call (which manager made it
// while answering which upcall) and the gate that decides, for every call
// of a run, whether it fails (the call-error fault class; FailingSys,
// failing_sys.h, asks it).
// Platform-free (kernel/core rules).
#pragma once
#include <stdint.h>

#include "kernel/core/ids.h"
#include "kernel/core/upcall.h"
#include "managers/sdk/sys_call.h"

namespace sc {

struct CallSite {
  ManagerId manager = kNoManager;
  UpcallKind upcall = UpcallKind::start_fresh;  // the upcall the manager was answering
  SysCall call = SysCall::map_root_page;

  friend bool operator==(const CallSite&, const CallSite&) = default;
};

class CallGate {
 public:
  virtual bool fail(const CallSite& site) = 0;

 protected:
  ~CallGate() = default;
};

}  // namespace sc

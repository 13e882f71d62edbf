// recording.h — one recorded run of a workload, from either tier: the
// trace (every request and its phase tag), the stable states S_0..S_k the
// reference model computed from the ops the run reported, where each
// stabilisation began and ended in the trace, and the disagreements seen
// while recording — what the checker needs to judge any cut of the trace.
//
// A crash step inside a recorded run keeps every acknowledged write (the
// recorder flushes, then reboots into recovery); the crash-state enumerator
// explores every other outcome of each cut, so nothing is lost by this.
#pragma once
#include <string>
#include <vector>

#include "injector/crash/trace.h"
#include "injector/oracle/legal_window.h"
#include "injector/oracle/system_state.h"

namespace sc {

struct Recording {
  crash::Trace trace;
  std::vector<SystemState> history;        // S_0 .. S_k
  std::vector<StabilisationSpan> spans;    // stabilisation j+1 is spans[j]
  std::vector<std::string> findings;       // disagreements seen while recording
  size_t events = 0;
  std::string beyond_memory;  // the op refused with no_memory, where judging stopped (beyond_memory.h)
  uint64_t failed_call_position = 0;  // call-error, call-misuse: the trace's length when the call was faulted
};

}  // namespace sc

// recording.h — records a workload in-process once: runs it on a
// RecordingDisk (every request and its phase tag in a Trace), checks it
// online against the reference model, and keeps what the oracle needs to
// judge any cut of the trace (injector/check/recording.h).
#pragma once
#include "injector/check/recording.h"
#include "injector/common/seeded_bugs.h"

namespace sc {

Recording record_inproc(const Workload& w, const SeededBugs& bugs);

}  // namespace sc

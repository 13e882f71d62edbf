// recording.h — records a workload in-process once: runs it on a
// RecordingDisk (every request and its phase tag in a Trace), checks it
// online against the reference model, and keeps what the oracle needs to
// judge any cut of the trace (injector/check/recording.h).
#pragma once
#include "injector/check/recording.h"
#include "injector/common/seeded_bugs.h"
#include "kernel/harness/mutant/mutant_run.h"

namespace sc {

// With `mutant`, the run is recorded through it (sites counted, its plan
// applied); recovery of the crash states is not (it runs the program as written).
// With `io_error` (a Fault of kind io_error), the disk fails the WRITE or
// FLUSH issued as request io_error->request (its data recorded when
// detail == 1) and the reference model accepts stabilisations that return
// an error from then on as failed attempts (reference_model.h).
Recording record_inproc(const Workload& w, const SeededBugs& bugs, MutantRun* mutant = nullptr,
                        const crash::Fault* io_error = nullptr);

}  // namespace sc

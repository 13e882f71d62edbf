// recording.h — records a workload in-process once: runs it on a
// RecordingDisk (every request and its phase tag in a Trace), checks it
// online against the reference model, and keeps what the oracle needs to
// judge any cut of the trace (injector/check/recording.h).
#pragma once
#include "injector/check/recording.h"
#include "injector/common/seeded_bugs.h"
#include "kernel/harness/call_fault/call_gate.h"
#include "kernel/harness/mutant/mutant_run.h"

namespace sc {

// With `mutant`, the run is recorded through it (sites counted, its plan
// applied); recovery of the crash states is not (it runs the program as written).
// With `fault` of kind io_error, the disk fails the WRITE or FLUSH issued
// as request fault->request (its data recorded when detail == 1) and the
// reference model accepts stabilisations that return an error from then on
// as failed attempts (reference_model.h). With `fault` of kind call_error
// (call_misuse), the managers' system call number fault->request fails
// (reaches the kernel misused, call_misuse.h; a kernel that accepts it is a
// finding) (call_fault_gate.h), and Recording::failed_call_position says
// where in the trace; InputError if the run never made that call, it is not
// the call fault->detail names, or a misused call takes no argument.
Recording record_inproc(const Workload& w, const SeededBugs& bugs, MutantRun* mutant = nullptr,
                        const crash::Fault* fault = nullptr);

// Every system call the managers make in a clean run of `w`, in order (the
// candidates of call-error and call-misuse; the checker's read-backs are
// not counted).
std::vector<CallSite> census_calls(const Workload& w, const SeededBugs& bugs);

}  // namespace sc

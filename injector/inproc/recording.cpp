// recording.cpp — see recording.h.
#include "injector/inproc/recording.h"

#include <fmt/format.h>

#include <optional>

#include "injector/check/beyond_memory.h"
#include "injector/common/input_error.h"
#include "injector/crash/recording_disk.h"
#include "injector/inproc/workload_runner.h"
#include "kernel/harness/call_fault/call_misuse.h"

namespace sc {

namespace {

// A call-error or call-misuse fault names a call the run made, of the kind
// it names; call-misuse, one with an argument to misuse.
void require_call_faulted(const CallFaultGate& gate, const crash::Fault& fault) {
  const char* mode = crash::mode_name(fault.kind);
  const auto& faulted = gate.faulted_call();
  if (!faulted)
    throw InputError(fmt::format("{}: the run made {} system calls, so call {} never happened", mode,
                                 gate.sites().size(), fault.request));
  if (static_cast<uint32_t>(faulted->call) != fault.detail)
    throw InputError(fmt::format("{}: call {} of the run is {}, not {} (detail {})", mode, fault.request,
                                 sys_call_name(faulted->call), sys_call_name(static_cast<SysCall>(fault.detail)),
                                 fault.detail));
  if (fault.kind == crash::Mode::call_misuse && !passes_value(faulted->call))
    throw InputError(fmt::format("call-misuse: call {} of the run is {}, which takes no argument to misuse",
                                 fault.request, sys_call_name(faulted->call)));
}

// A kernel that accepted a misused call broke K4 (call_misuse.h).
void judge_misuse_answer(const CallFaultGate& gate, const crash::Fault& fault, RunResult* result) {
  if (fault.kind != crash::Mode::call_misuse || gate.misuse_answer() != Status::ok) return;
  result->findings.push_back(
      fmt::format("the kernel accepted it, with {}: it must refuse an argument it cannot honour (K4)",
                  misuse_description(static_cast<SysCall>(fault.detail))));
}

CallFate fate_of(const crash::Fault& fault) {
  return fault.kind == crash::Mode::call_misuse ? CallFate::misuse : CallFate::fail;
}

}  // namespace

Recording record_inproc(const Workload& w, const SeededBugs& bugs, MutantRun* mutant, const crash::Fault* fault) {
  crash::RecordingDisk disk(w.disk_sectors());
  const bool io_error = fault != nullptr && fault->kind == crash::Mode::io_error;
  std::optional<CallFaultGate> gate;
  if (fault != nullptr && crash::is_call_fault(fault->kind)) gate.emplace(fault->request, fate_of(*fault));
  if (io_error) disk.fail_request(fault->request, fault->detail == 1);
  RunOptions options;
  options.bugs = bugs;
  options.mutant = mutant;
  options.call_gate = gate ? &*gate : nullptr;
  WorkloadRunner runner(
      w, disk, [&disk] { disk.flush(); }, options, [&disk] { return uint64_t{disk.trace().requests().size()}; });
  if (io_error) runner.allow_failed_stabilisations(fault->request);
  RunResult result = runner.run();
  if (gate) {
    require_call_faulted(*gate, *fault);
    judge_misuse_answer(*gate, *fault, &result);
  }
  Recording rec{disk.take_trace(), {}, runner.model().spans(), result.findings, result.events, {}};
  for (size_t k = 0; k <= runner.model().stabilisations(); ++k) rec.history.push_back(runner.model().stable(k));
  rec.beyond_memory = runner.model().beyond_memory();
  rec.failed_call_position = runner.failed_call_position().value_or(0);
  require_within_memory(w, rec);
  return rec;
}

std::vector<CallSite> census_calls(const Workload& w, const SeededBugs& bugs) {
  crash::RecordingDisk disk(w.disk_sectors());
  CallFaultGate gate;
  RunOptions options;
  options.bugs = bugs;
  options.call_gate = &gate;
  WorkloadRunner runner(w, disk, [&disk] { disk.flush(); }, options);
  (void)runner.run();
  return gate.sites();
}

}  // namespace sc

// recording.cpp — see recording.h.
#include "injector/inproc/recording.h"

#include <fmt/format.h>

#include <optional>

#include "injector/check/beyond_memory.h"
#include "injector/common/input_error.h"
#include "injector/crash/recording_disk.h"
#include "injector/inproc/workload_runner.h"

namespace sc {

namespace {

// A call-error fault names a call the run made, of the kind it names.
void require_call_failed(const CallFaultGate& gate, const crash::Fault& fault) {
  const auto& failed = gate.failed_call();
  if (!failed)
    throw InputError(fmt::format("call-error: the run made {} system calls, so call {} never happened",
                                 gate.sites().size(), fault.request));
  if (static_cast<uint32_t>(failed->call) != fault.detail)
    throw InputError(fmt::format("call-error: call {} of the run is {}, not {} (detail {})", fault.request,
                                 sys_call_name(failed->call), sys_call_name(static_cast<SysCall>(fault.detail)),
                                 fault.detail));
}

}  // namespace

Recording record_inproc(const Workload& w, const SeededBugs& bugs, MutantRun* mutant, const crash::Fault* fault) {
  crash::RecordingDisk disk(w.disk_sectors());
  const bool io_error = fault != nullptr && fault->kind == crash::Mode::io_error;
  std::optional<CallFaultGate> gate;
  if (fault != nullptr && fault->kind == crash::Mode::call_error) gate.emplace(fault->request);
  if (io_error) disk.fail_request(fault->request, fault->detail == 1);
  RunOptions options;
  options.bugs = bugs;
  options.mutant = mutant;
  options.call_gate = gate ? &*gate : nullptr;
  WorkloadRunner runner(
      w, disk, [&disk] { disk.flush(); }, options, [&disk] { return uint64_t{disk.trace().requests().size()}; });
  if (io_error) runner.allow_failed_stabilisations(fault->request);
  const RunResult result = runner.run();
  if (gate) require_call_failed(*gate, *fault);
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

// workload_runner.h — runs a workload on an in-process machine and checks it
// online against the reference model: every op's outcome while it runs, and
// after every crash step the whole recovered state against the last stable
// state S_k. The disk is given by the caller together with what a clean
// power cut does to it (drop everything not durable).
//
// run() boots and executes the script, stopping early (power still on)
// once `stop_after_events` ops have executed; crash_and_check() then cuts
// power, recovers and compares. Findings are one line each.
// With a call gate (call-error, call-misuse), the managers' system calls pass it
// (call_fault_gate.h); when its call fails the model lets later events fail
// (ReferenceModel::allow_failed_calls), the disk position is kept
// (failed_call_position()), and a boot that fails after the gate failed a
// call during it ends the run without a finding (a clean refusal).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "injector/inproc/call_fault_gate.h"
#include "injector/oracle/reference_model.h"
#include "injector/workload/event.h"
#include "kernel/hosted/machine.h"
#include "kernel/harness/locus_scheduler.h"
#include "injector/common/seeded_bugs.h"

namespace sc {

struct StepRecord {
  LocusId locus;
  bool nested;  // ran at a yield point inside a stabilisation
};

struct RunOptions {
  SeededBugs bugs;
  MutantRun* mutant = nullptr;  // counts sites / applies a mutant through every boot (kernel/harness/mutant/)
  CallFaultGate* call_gate = nullptr;  // counts / fails the managers' system calls through every boot
  size_t stop_after_events = SIZE_MAX;
};

struct RunResult {
  std::vector<std::string> findings;
  size_t events = 0;
  size_t crashes = 0;
  bool stopped_early = false;
  bool refused_at_boot = false;  // a boot failed after the call gate failed a call in it; the run ended there
};

class WorkloadRunner {
 public:
  WorkloadRunner(const Workload& w, BlockDevice& disk, std::function<void()> power_cut, const RunOptions& options,
                 std::function<uint64_t()> disk_position = [] { return uint64_t{0}; });

  WorkloadRunner(const WorkloadRunner&) = delete;
  WorkloadRunner& operator=(const WorkloadRunner&) = delete;
  ~WorkloadRunner();

  RunResult run();
  void crash_and_check(RunResult* result);

  // io-error: see ReferenceModel::allow_failed_stabilisations.
  void allow_failed_stabilisations(uint64_t position) { model_.allow_failed_stabilisations(position); }

  Machine& machine() { return machine_; }
  const ReferenceModel& model() const { return model_; }
  const std::vector<Event>& events() const { return events_; }
  const std::vector<StepRecord>& steps() const { return steps_; }
  // The disk position when the call gate failed its call (nullopt before).
  std::optional<uint64_t> failed_call_position() const { return failed_call_position_; }

 private:
  void run_step(size_t index, RunResult* result);
  bool boot(RunResult* result);
  bool stop_requested() const { return events_.size() >= options_.stop_after_events; }

  const Workload& w_;
  RunOptions options_;
  std::function<void()> power_cut_;
  std::function<uint64_t()> disk_position_;
  Machine machine_;
  ReferenceModel model_;
  std::vector<Event> events_;
  std::vector<StepRecord> steps_;
  std::optional<uint64_t> failed_call_position_;
};

}  // namespace sc

// workload_runner.h — runs a workload on an in-process machine and checks it
// online against the reference model: every op's outcome while it runs, and
// after every crash step the whole recovered state against the last stable
// state S_k. The disk is given by the caller together with what a clean
// power cut does to it (drop everything not durable).
//
// run() boots and executes the script, stopping early (power still on)
// once `stop_after_events` ops have executed; crash_and_check() then cuts
// power, recovers and compares. Findings are one line each.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

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
  size_t stop_after_events = SIZE_MAX;
};

struct RunResult {
  std::vector<std::string> findings;
  size_t events = 0;
  size_t crashes = 0;
  bool stopped_early = false;
};

class WorkloadRunner {
 public:
  WorkloadRunner(const Workload& w, BlockDevice& disk, std::function<void()> power_cut, const RunOptions& options,
                 std::function<uint64_t()> disk_position = [] { return uint64_t{0}; });

  RunResult run();
  void crash_and_check(RunResult* result);

  // io-error: see ReferenceModel::allow_failed_stabilisations.
  void allow_failed_stabilisations(uint64_t position) { model_.allow_failed_stabilisations(position); }

  Machine& machine() { return machine_; }
  const ReferenceModel& model() const { return model_; }
  const std::vector<Event>& events() const { return events_; }
  const std::vector<StepRecord>& steps() const { return steps_; }

 private:
  void run_step(size_t index, RunResult* result);
  bool stop_requested() const { return events_.size() >= options_.stop_after_events; }

  const Workload& w_;
  RunOptions options_;
  std::function<void()> power_cut_;
  std::function<uint64_t()> disk_position_;
  Machine machine_;
  ReferenceModel model_;
  std::vector<Event> events_;
  std::vector<StepRecord> steps_;
};

}  // namespace sc

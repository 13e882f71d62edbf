// workload_runner.cpp — see workload_runner.h.
#include "injector/inproc/workload_runner.h"

#include <fmt/format.h>

#include "injector/inproc/readback.h"
#include "injector/workload/workload_locus.h"
#include "kernel/harness/step_seed.h"

namespace sc {

namespace {

// A scheduler that stops stepping once the runner wants power cut.
class StoppableLocus final : public LocusProgram {
 public:
  StoppableLocus(LocusProgram& inner, const std::function<bool()>& stop) : inner_(inner), stop_(stop) {}
  StepResult step(Kernel& kernel, LocusId locus) override {
    return stop_() ? StepResult::done : inner_.step(kernel, locus);
  }

 private:
  LocusProgram& inner_;
  const std::function<bool()>& stop_;
};

std::string boot_failure(const Workload& w, const BootReport& report) {
  const std::string who = report.failed_manager < w.managers.size()
                              ? "manager " + w.managers[report.failed_manager].name
                              : std::string("the kernel");
  return fmt::format("recovery failed: {} could not be restarted ({})", who, status_name(report.status));
}

// Appends every progressed step to the runner's step log.
class StepLog final : public StepObserver {
 public:
  explicit StepLog(std::vector<StepRecord>& out) : out_(out) {}
  void stepped(LocusId locus, bool nested) override { out_.push_back(StepRecord{locus, nested}); }

 private:
  std::vector<StepRecord>& out_;
};

}  // namespace

WorkloadRunner::WorkloadRunner(const Workload& w, BlockDevice& disk, std::function<void()> power_cut,
                               const RunOptions& options, std::function<uint64_t()> disk_position)
    : w_(w),
      options_(options),
      power_cut_(std::move(power_cut)),
      disk_position_(std::move(disk_position)),
      machine_(disk, boot_config(w, options.bugs)),
      model_(w) {
  if (options.mutant != nullptr) machine_.platform().set_mutant(*options.mutant);
  if (options.call_gate != nullptr) {
    machine_.platform().set_call_gate(*options.call_gate);
    options.call_gate->on_fault([this] {
      failed_call_position_ = disk_position_();
      model_.allow_failed_calls(events_.size(), options_.call_gate->faulted_call()->manager);
    });
  }
}

WorkloadRunner::~WorkloadRunner() {
  if (options_.call_gate != nullptr) options_.call_gate->on_fault(nullptr);  // its hook names this runner
}

// Boots; a failed boot is a finding, unless the call gate failed a call
// during it (a clean refusal: result->refused_at_boot). False if it failed.
bool WorkloadRunner::boot(RunResult* result) {
  const bool failed_before = failed_call_position_.has_value();
  if (!failed(machine_.boot())) return true;
  if (!failed_before && failed_call_position_) result->refused_at_boot = true;
  else result->findings.push_back(boot_failure(w_, machine_.kernel().boot_report()));
  return false;
}

void WorkloadRunner::run_step(size_t index, RunResult* result) {
  const Step& step = w_.steps[index];
  StepLog log(steps_);
  LocusScheduler scheduler(machine_.kernel(), step_seed(w_.seed, index), &log);
  std::vector<std::unique_ptr<WorkloadLocus>> programs;
  std::vector<std::unique_ptr<StoppableLocus>> wrappers;
  std::vector<LocusId> loci;
  const std::function<bool()> stop = [this] { return stop_requested(); };
  const size_t first_event = events_.size();
  for (const LocusSpec& spec : step.loci) {
    const bool exists = machine_.kernel().container_exists(spec.home);
    if (exists != model_.exists(spec.home)) {
      result->findings.push_back(fmt::format("locus {}: home container {} {} after recovery, expected {}", spec.name,
                                             w_.container_names[spec.home], exists ? "exists" : "is missing",
                                             exists ? "missing" : "to exist"));
    }
    LocusId id;
    if (!exists || failed(machine_.kernel().create_locus(spec.home, &id))) continue;
    loci.push_back(id);
    programs.push_back(std::make_unique<WorkloadLocus>(spec, spec.home, events_, disk_position_));
    wrappers.push_back(std::make_unique<StoppableLocus>(*programs.back(), stop));
    scheduler.add(id, wrappers.back().get());
  }
  machine_.platform().set_yield_hook([&scheduler] { scheduler.yield_step(); });
  if (!scheduler.run()) result->findings.push_back(fmt::format("step {}: loci stuck (all blocked)", index));
  machine_.platform().set_yield_hook(nullptr);
  for (LocusId id : loci) machine_.kernel().destroy_locus(id);
  for (size_t i = first_event; i < events_.size(); ++i) {
    std::string bad = model_.apply(events_[i]);
    if (!bad.empty()) result->findings.push_back(std::move(bad));
  }
}

RunResult WorkloadRunner::run() {
  RunResult result;
  if (!boot(&result)) return result;
  for (size_t i = 0; i < w_.steps.size() && !result.refused_at_boot; ++i) {
    if (stop_requested()) {
      result.stopped_early = true;
      break;
    }
    if (!model_.beyond_memory().empty()) break;  // nothing past it is judged (beyond_memory.h)
    if (w_.steps[i].crash) crash_and_check(&result);
    else run_step(i, &result);
  }
  result.events = events_.size();
  return result;
}

void WorkloadRunner::crash_and_check(RunResult* result) {
  ++result->crashes;
  if (options_.mutant != nullptr) options_.mutant->power_cut();
  power_cut_();
  model_.power_cut();
  if (!boot(result)) return;
  SystemState recovered;
  if (options_.call_gate != nullptr) options_.call_gate->set_paused(true);
  const Status s = read_back(machine_, w_, &recovered);
  if (options_.call_gate != nullptr) options_.call_gate->set_paused(false);
  if (failed(s)) {
    result->findings.push_back(fmt::format("recovered manager refused to list its pages ({})", status_name(s)));
    return;
  }
  if (recovered != model_.last_stable()) model_.adopt_recovered(recovered);  // a failed attempt that landed (io-error)
  for (auto& line : diff_states(w_, model_.last_stable(), recovered))
    result->findings.push_back(fmt::format("after crash {}: {}", result->crashes, line));
}

}  // namespace sc

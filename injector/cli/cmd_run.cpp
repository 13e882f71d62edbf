// cmd_run.cpp — `stablecut run`: records one workload (checking every op and
// every crash step online), then enumerates its crash states and checks the
// recovery of each. Prints the outcome table and one block per failure with
// its case file (content-addressed, see case_file.h: never overwritten by a
// different case) and replay command. While checking, the progress line of
// injector/campaign/progress.h goes to stderr; stdout is line-buffered, so
// piped output appears as it happens. Exit 0 if every state was legal, 1 if
// any was not, 2 on bad input.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "injector/campaign/option_ranges.h"
#include "injector/campaign/progress.h"
#include "injector/check/case_file.h"
#include "injector/check/core_share.h"
#include "injector/cli/commands.h"
#include "injector/cli/enumeration_flags.h"
#include "injector/cli/explore_report.h"
#include "injector/cli/memo_flag.h"
#include "injector/cli/output_paths.h"
#include "injector/cli/tier_flags.h"
#include "injector/cli/value_checks.h"
#include "injector/common/input_error.h"
#include "injector/common/plural.h"
#include "injector/tier/tier_dispatch.h"
#include "injector/workload/workload_file.h"

namespace sc::cli {

namespace {

size_t recovery_requests(const Recording& rec) {
  size_t n = 0;
  for (const auto& r : rec.trace.requests()) n += r.phase == Phase::RECOVERY;
  return n;
}

// A manager program's seeded bug only acts where that program runs: asking
// for one the workload cannot exercise is a usage error, not a clean run.
void check_bugs_apply(const Workload& w, const SeededBugs& bugs) {
  for (const auto& [program, bits] : bugs.programs) {
    bool runs = false;
    for (const auto& m : w.managers) runs |= m.program == program;
    if (!runs && bits != 0)
      throw InputError(fmt::format("--bug: a bug of the '{}' manager program, but workload {} runs none", program, w.name));
  }
}

struct RunFlags {
  std::string workload;
  uint64_t schedule_seed = 0;
  bool schedule_seed_given = false;
  uint64_t max_states = UINT64_MAX;
  std::string cases_dir = "results/cases";
  size_t live_cuts = 4;
  bool no_memo = false;
  size_t jobs = std::max(1u, std::thread::hardware_concurrency());
};

// Explores with the progress line on stderr; ends it with the result's counts.
ExploreResult explore_with_progress(const tier::TierSpec& tier, const Workload& w, const SeededBugs& bugs,
                                    const Recording& rec, ExploreOptions options) {
  campaign::ProgressLine line;
  ExploreProgress last{0, 0, 0, rec.trace.cut_count(), 0};
  options.progress = [&](const ExploreProgress& p) {
    last = p;
    line.update(campaign::run_snapshot(p));
  };
  const ExploreResult r = tier::explore_on(tier, w, bugs, rec, options);
  const bool whole = r.states < options.max_states;  // the enumeration ran to its end
  line.finish(
      campaign::run_snapshot(ExploreProgress{r.states, r.illegal, whole ? last.cuts : last.cut, last.cuts, r.seconds}));
  return r;
}

int run_workload(const RunFlags& flags, const EnumerationFlags& enumeration, tier::TierSpec tier) {
  tier.qemu_sessions = flags.jobs;
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // before any output: piped lines appear as they are printed
  Workload w = load_workload_file(flags.workload);
  prepare_output_dir("--cases-dir", flags.cases_dir);
  if (flags.schedule_seed_given) w.seed = flags.schedule_seed;
  const SeededBugs bugs = enumeration.seeded_bugs();
  check_bugs_apply(w, bugs);
  ExploreOptions options;
  options.enumerate = enumeration.options_on(tier);
  options.memoise = !flags.no_memo;
  options.max_states = tier.qemu() && flags.max_states == UINT64_MAX ? tier::kDefaultQemuStates : flags.max_states;
  std::optional<HeldCore> core;  // this thread's; the others check whole cuts beside it (explore_by_cuts.h)
  if (!tier.qemu()) {
    options.cores = std::make_shared<CoreShare>(flags.jobs);
    core.emplace(*options.cores);
  }

  const Recording rec = tier::record_on(tier, w, bugs);
  const auto bug_names = enabled_bug_names(bugs);
  fmt::print("workload {} (schedule seed {}): {}, {}, {}; seeded bugs: {}\n", w.name, w.seed,
             counted(w.managers.size(), "manager"), counted(w.container_names.size() - w.managers.size(), "container"),
             counted(w.steps.size(), "step"),
             bug_names.empty() ? "none" : fmt::format("{}", fmt::join(bug_names, ", ")));
  fmt::print("recorded on {}: {}, {}, {}\n", tier.name(), counted(rec.events, "op"),
             counted(rec.spans.size(), "stabilisation"), counted(rec.trace.requests().size(), "disk request"));
  for (const auto& f : rec.findings) fmt::print("FINDING (while recording): {}\n", f);

  const ExploreResult r = explore_with_progress(tier, w, bugs, rec, options);
  for (const auto& f : r.run_findings) fmt::print("FINDING (while recording a faulted run): {}\n", f);
  const std::vector<std::string> live = tier::live_cuts_on(tier, w, bugs, rec, flags.live_cuts);
  for (const auto& line : live) fmt::print("FINDING (live cut): {}\n", line);
  fmt::print("checked {} in {:.2f} s ({:.0f} states/s; {} skipped)\n", counted(r.states, "crash state"), r.seconds,
             r.seconds > 0 ? static_cast<double>(r.states) / r.seconds : 0.0, counted(r.duplicates, "duplicate image"));
  fmt::print("{}", recall_line(r.states, r.recalled));
  if (r.exhaustive) fmt::print("{}\n", exhaustive_line(*r.exhaustive));
  print_outcome_table(r);
  print_recovery_cuts(r, recovery_requests(rec));
  for (const StateFailure& f : r.failures) {
    const std::string path =
        save_case_in(flags.cases_dir, w.name, w, bugs, f.recording ? *f.recording : rec, f, enumeration.seed, tier.name());
    print_failure(f, r.signatures.at(f.signature), path, tier);
  }
  const bool bad = !rec.findings.empty() || !r.run_findings.empty() || !live.empty() || r.illegal > 0;
  if (bad) {
    fmt::print("{}, {}; rerun: stablecut run {} --workload {} --schedule-seed {}{}\n",
               counted(r.illegal, "illegal state"), counted(r.failures.size(), "distinct failure"), tier_flags_text(tier),
               flags.workload, w.seed, enumeration.replay_flags(tier));
    return 1;
  }
  fmt::print("{} recovered legally\n", r.states == 1 ? "the 1 crash state" : fmt::format("all {} crash states", r.states));
  return 0;
}

}  // namespace

void add_run(CLI::App& app, Action* action) {
  auto flags = std::make_shared<RunFlags>();
  auto enumeration = std::make_shared<EnumerationFlags>();
  auto tier = std::make_shared<tier::TierSpec>();
  CLI::App* cmd = app.add_subcommand("run", "Record one workload, then check the recovery of every crash state");
  add_tier_flags(cmd, tier);
  cmd->add_option("--workload", flags->workload, "Workload file (JSON, see corpus/workloads/)")->required();
  cmd->add_option("--schedule-seed", flags->schedule_seed, "Override the workload's scheduling seed (0 to 2^64-1)")
      ->check(whole_number(0, UINT64_MAX))
      ->each([flags](const std::string&) { flags->schedule_seed_given = true; });
  cmd->add_option("--max-states", flags->max_states,
                  "Check at most this many crash states (QEMU tier default: 200, spread over the trace)")
      ->check(whole_number(0, UINT64_MAX));
  cmd->add_option("--live-cuts", flags->live_cuts, "QEMU tier: live cuts to compare with offline cuts")
      ->check(whole_number(0, SIZE_MAX))
      ->capture_default_str();
  cmd->add_option("--cases-dir", flags->cases_dir,
                  "Where failing cases are written (named WORKLOAD-TIER-BUGS-HASH by their content: never reused)")
      ->capture_default_str();
  cmd->add_option("--jobs", flags->jobs,
                  fmt::format("Crash states checked at once: in-process by threads each checking whole cuts (same "
                              "result as one), under QEMU by power-cycling QEMUs; default: all cores ({} here)",
                              flags->jobs))
      ->check(whole_number(campaign::kJobsRange.min, campaign::kJobsRange.max));
  enumeration->exhaustive_default = true;
  add_enumeration_flags(cmd, enumeration);
  add_no_memo_flag(cmd, &flags->no_memo);
  cmd->callback([flags, enumeration, tier, action] {
    *action = [flags, enumeration, tier] { return run_workload(*flags, *enumeration, *tier); };
  });
}

}  // namespace sc::cli

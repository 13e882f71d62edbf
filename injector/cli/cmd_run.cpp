// cmd_run.cpp — `stablecut run`: runs one workload end to end on the chosen
// tier, prints what it did and every finding, and exits 0/1/2.
#include <fmt/format.h>

#include <string>

#include "injector/cli/commands.h"
#include "injector/common/seeded_bugs.h"
#include "injector/inproc/workload_runner.h"
#include "injector/workload/workload_file.h"
#include "kernel/hosted/mem_disk.h"

namespace sc::cli {

namespace {

struct RunFlags {
  std::string tier = "inproc";
  std::string workload;
  uint64_t seed = 0;
  bool seed_given = false;
  std::vector<std::string> bugs;
};

size_t count_ops(const std::vector<Event>& events, OpKind kind) {
  size_t n = 0;
  for (const auto& e : events) n += e.kind == kind;
  return n;
}

int run_inproc(const RunFlags& flags) {
  Workload w = load_workload_file(flags.workload);
  if (flags.seed_given) w.seed = flags.seed;
  SeededBugs bugs;
  for (const auto& name : flags.bugs) enable_seeded_bug(&bugs, name);
  RunOptions options;
  options.kernel_bugs = bugs.kernel;
  options.manager_bugs = bugs.manager;
  MemDisk disk(w.disk_sectors());
  WorkloadRunner runner(w, disk, [&disk] { disk.crash(); }, options);
  const RunResult result = runner.run();
  const auto& events = runner.events();
  fmt::print("workload {} (seed {}): {} managers, {} containers, {} steps\n", w.name, w.seed, w.managers.size(),
             w.container_names.size() - w.managers.size(), w.steps.size());
  fmt::print("executed {} ops: {} create, {} write, {} read, {} stabilise; {} crashes recovered\n", events.size(),
             count_ops(events, OpKind::create), count_ops(events, OpKind::write),
             count_ops(events, OpKind::read), count_ops(events, OpKind::stabilise), result.crashes);
  fmt::print("disk: {} writes, {} flushes; stable state S_{} holds {} containers\n", disk.writes(), disk.flushes(),
             runner.model().stabilisations(), runner.model().last_stable().size());
  for (const auto& f : result.findings) fmt::print("FINDING: {}\n", f);
  if (!result.findings.empty()) {
    std::string bug_flags;
    for (const auto& name : flags.bugs) bug_flags += " --bug " + name;
    fmt::print("replay: stablecut run --tier inproc --workload {} --seed {}{}\n", flags.workload, w.seed, bug_flags);
    return 1;
  }
  fmt::print("all checks legal\n");
  return 0;
}

}  // namespace

void add_run(CLI::App& app, Action* action) {
  auto flags = std::make_shared<RunFlags>();
  CLI::App* cmd = app.add_subcommand("run", "Run one workload end to end and check every recovery");
  cmd->add_option("--tier", flags->tier, "Where to run: inproc (the in-process tier)")
      ->check(CLI::IsMember({"inproc"}))
      ->capture_default_str();
  cmd->add_option("--workload", flags->workload, "Workload file (JSON, see corpus/workloads/)")->required();
  cmd->add_option("--seed", flags->seed, "Override the workload's scheduling seed")
      ->each([flags](const std::string&) { flags->seed_given = true; });
  cmd->add_option("--bug", flags->bugs, "Seed a protocol bug (test-only), repeatable: " + [] {
    std::string names;
    for (const auto& n : seeded_bug_names()) names += (names.empty() ? "" : ", ") + n;
    return names;
  }());
  cmd->callback([flags, action] { *action = [flags] { return run_inproc(*flags); }; });
}

}  // namespace sc::cli

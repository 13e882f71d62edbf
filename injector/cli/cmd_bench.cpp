// cmd_bench.cpp — `stablecut bench --tier inproc`: crash states checked per
// second on one core (record once, then enumerate and check every state of
// the workload, repeated for --seconds), plus the enumeration rate alone.
#include <fmt/format.h>

#include <chrono>

#include "injector/cli/commands.h"
#include "injector/cli/embedded_workload.h"
#include "injector/inproc/explore.h"
#include "injector/workload/json_field.h"
#include "injector/workload/workload_file.h"

namespace sc::cli {

namespace {

struct BenchFlags {
  std::string tier = "inproc";
  std::string workload;
  double seconds = 3;
};

double enumeration_rate(const Recording& rec, double seconds) {
  const auto start = std::chrono::steady_clock::now();
  uint64_t states = 0;
  double elapsed = 0;
  while (elapsed < seconds / 3) {
    crash::CrashStateEnumerator e(rec.trace, crash::EnumeratorOptions{});
    while (e.next()) ++states;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  return static_cast<double>(states) / elapsed;
}

int bench(const BenchFlags& flags) {
  const Workload w = flags.workload.empty() ? parse_workload(parse_json_text(kEmbeddedWorkload, "embedded"), "embedded")
                                            : load_workload_file(flags.workload);
  const Recording rec = record_inproc(w, SeededBugs{});
  uint64_t states = 0;
  double seconds = 0;
  size_t rounds = 0;
  while (seconds < flags.seconds) {
    const ExploreResult r = explore_inproc(w, SeededBugs{}, rec, ExploreOptions{});
    states += r.states;
    seconds += r.seconds;
    ++rounds;
  }
  fmt::print("workload {}: {} disk requests, {} crash states per round, {} rounds\n", w.name,
             rec.trace.requests().size(), states / rounds, rounds);
  fmt::print("checked:    {:.0f} crash states/s on one core (recover + read back + classify + fsck)\n",
             static_cast<double>(states) / seconds);
  fmt::print("enumerated: {:.0f} crash states/s on one core (enumeration alone)\n", enumeration_rate(rec, flags.seconds));
  return 0;
}

}  // namespace

void add_bench(CLI::App& app, Action* action) {
  auto flags = std::make_shared<BenchFlags>();
  CLI::App* cmd = app.add_subcommand("bench", "Measure crash states checked per second");
  cmd->add_option("--tier", flags->tier, "Tier to measure: inproc")->check(CLI::IsMember({"inproc"}))->capture_default_str();
  cmd->add_option("--workload", flags->workload, "Workload file (default: the embedded basic workload)");
  cmd->add_option("--seconds", flags->seconds, "How long to measure")->check(CLI::Range(0.1, 3600.0))->capture_default_str();
  cmd->callback([flags, action] { *action = [flags] { return bench(*flags); }; });
}

}  // namespace sc::cli

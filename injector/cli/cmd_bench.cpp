// cmd_bench.cpp — `stablecut bench`: in-process, crash states decided per
// second on one core (record once, then enumerate and check every state of
// the workload, repeated for --seconds), how many of them were recovered
// rather than recalled, the same with --jobs workers at once, one
// exploration at a time with its cuts checked on --jobs threads, the
// enumeration rate alone and the memory enumeration holds per state
// (bench_inproc.h);
// under QEMU, boot+recover+verify per second (--states real reboots, --jobs
// at a time, each worker its own power-cycling QEMU) in total, per core and
// per worker, and the time per reboot. With --format json every figure is
// printed instead as one JSON object on one line (a nightly job appends it
// to a history). `bench detect` is its subcommand (cmd_bench_detect.cpp).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <thread>

#include "injector/campaign/option_ranges.h"
#include "injector/cli/bench_inproc.h"
#include "injector/cli/commands.h"
#include "injector/cli/embedded_workload.h"
#include "injector/cli/memo_flag.h"
#include "injector/cli/tier_flags.h"
#include "injector/cli/value_checks.h"
#include "injector/common/plural.h"
#include "injector/inproc/explore.h"
#include "injector/inproc/recording.h"
#include "injector/results/results_db.h"
#include "injector/tier/tier_dispatch.h"
#include "injector/workload/json_field.h"
#include "injector/workload/workload_file.h"

namespace sc::cli {

namespace {

struct BenchFlags {
  std::string workload;
  double seconds = 3;
  uint64_t qemu_states = 40;
  std::string format = "table";
  bool no_memo = false;
};

// One JSON line of figures, tagged with the tier and the workload.
void print_json(const std::string& tier, const Workload& w, nlohmann::json figures) {
  figures["bench"] = tier;
  figures["workload"] = w.name;
  figures["at"] = results::unix_now();  // when, for a history (report --bench-history)
  fmt::print("{}\n", figures.dump());
}

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

int bench_qemu(const BenchFlags& flags, const tier::TierSpec& tier, const Workload& w) {
  const Recording rec = tier::record_on(tier, w, SeededBugs{});
  ExploreOptions options;
  options.max_states = flags.qemu_states;
  const ExploreResult r = tier::explore_on(tier, w, SeededBugs{}, rec, options);
  const double rate = static_cast<double>(r.states) / r.seconds;
  const size_t workers = tier.qemu_sessions;
  const size_t cores = std::min<size_t>(workers, std::max(1u, std::thread::hardware_concurrency()));
  if (flags.format == "json") {
    print_json("qemu", w,
               {{"states", r.states},
                {"illegal", r.illegal},
                {"workers", workers},
                {"cores", cores},
                {"reboots_per_s", rate},
                {"reboots_per_s_per_core", rate / static_cast<double>(cores)},
                {"ms_per_reboot_per_worker", 1000.0 * static_cast<double>(workers) / rate}});
    return r.illegal == 0 ? 0 : 1;
  }
  fmt::print("workload {}: {} crash states recovered by real reboots under QEMU, {} illegal\n", w.name, r.states,
             r.illegal);
  fmt::print("qemu: {:.2f} boot+recover+verify/s in total with {} worker{} (one QEMU each) on {} core{}\n", rate,
             workers, workers == 1 ? "" : "s", cores, cores == 1 ? "" : "s");
  fmt::print("qemu: {:.2f} boot+recover+verify/s per core, {:.2f} per worker ({:.0f} ms per reboot per worker)\n",
             rate / static_cast<double>(cores), rate / static_cast<double>(workers),
             1000.0 * static_cast<double>(workers) / rate);
  return r.illegal == 0 ? 0 : 1;
}

int bench(const BenchFlags& flags, const tier::TierSpec& tier) {
  const Workload w = flags.workload.empty() ? parse_workload(parse_json_text(kEmbeddedWorkload, "embedded"), "embedded")
                                            : load_workload_file(flags.workload);
  if (tier.qemu()) return bench_qemu(flags, tier, w);
  const Recording rec = record_inproc(w, SeededBugs{});
  ExploreOptions options;
  options.memoise = !flags.no_memo;
  const double bytes_per_state = resident_bytes_per_state(rec);  // before the explorers grow the heap
  const ExploreRate one = measure_explore(w, rec, options, 1, flags.seconds);
  const size_t workers = tier.qemu_sessions;
  const ExploreRate all = workers > 1 ? measure_explore(w, rec, options, workers, flags.seconds) : one;
  const ExploreRate by_cuts = workers > 1 ? measure_explore_by_cuts(w, rec, options, workers, flags.seconds) : one;
  const double enumerated = enumeration_rate(rec, flags.seconds);
  const uint64_t per_round = one.states / one.rounds;
  if (flags.format == "json") {
    print_json("inproc", w,
               {{"disk_requests", rec.trace.requests().size()},
                {"states_per_round", per_round},
                {"rounds", one.rounds},
                {"checked_per_s", one.decided_per_s()},
                {"recovered_per_s", one.recovered_per_s()},
                {"memoised", options.memoise},
                {"workers", workers},
                {"checked_per_s_all_workers", all.decided_per_s()},
                {"checked_per_s_one_workload_all_workers", by_cuts.decided_per_s()},
                {"enumerated_per_s", enumerated},
                {"resident_bytes_per_state", bytes_per_state}});
    return 0;
  }
  fmt::print("workload {}: {}, {} per round, {}\n", w.name, counted(rec.trace.requests().size(), "disk request"),
             counted(per_round, "crash state"), counted(one.rounds, "round"));
  fmt::print("checked:    {:.0f} crash states/s on one core decided (recover + read back + classify + fsck; {})\n",
             one.decided_per_s(),
             options.memoise ? fmt::format("{:.1f} % recalled from an identical recovery",
                                           100.0 * static_cast<double>(one.recalled) / static_cast<double>(one.states))
                             : "memoisation off");
  fmt::print("recovered:  {:.0f} crash states/s on one core (each recovered by the kernel and its managers)\n",
             one.recovered_per_s());
  if (workers > 1)
    fmt::print("all cores:  {:.0f} crash states/s decided by {} workers at once ({:.2f} x one core; {} here)\n",
               all.decided_per_s(), workers, all.decided_per_s() / one.decided_per_s(),
               counted(std::max(1u, std::thread::hardware_concurrency()), "core"));
  if (workers > 1)
    fmt::print("one workload: {:.0f} crash states/s decided, its cuts checked on {} threads at once ({:.2f} x one core; "
               "run --jobs)\n",
               by_cuts.decided_per_s(), workers, by_cuts.decided_per_s() / one.decided_per_s());
  fmt::print("enumerated: {:.0f} crash states/s on one core (enumeration alone)\n", enumerated);
  fmt::print("memory:     {:.0f} bytes resident per crash state enumerated ({:.1f} MiB per million)\n", bytes_per_state,
             bytes_per_state * 1e6 / (1024.0 * 1024.0));
  return 0;
}

}  // namespace

void add_bench(CLI::App& app, Action* action) {
  auto flags = std::make_shared<BenchFlags>();
  auto tier = std::make_shared<tier::TierSpec>();
  CLI::App* cmd = app.add_subcommand("bench", "Measure crash states checked per second");
  add_tier_flags(cmd, tier);
  cmd->add_option("--states", flags->qemu_states, "QEMU tier: crash states to recover")
      ->check(whole_number(1, UINT64_MAX))
      ->capture_default_str();
  tier->qemu_sessions = std::max(1u, std::thread::hardware_concurrency());
  cmd->add_option("--jobs", tier->qemu_sessions,
                  "Workers at once: in-process each its own machine (compared with one), under QEMU each its own "
                  "power-cycling QEMU (default: all cores)")
      ->check(whole_number(campaign::kJobsRange.min, campaign::kJobsRange.max))
      ->capture_default_str();
  cmd->add_option("--workload", flags->workload, "Workload file (default: the embedded basic workload)");
  cmd->add_option("--seconds", flags->seconds, "How long to measure")->check(number(0.1, 3600.0))->capture_default_str();
  cmd->add_option("--format", flags->format, "Output: table, or json (every figure as one JSON line)")
      ->check(one_of({"table", "json"}))
      ->capture_default_str();
  add_no_memo_flag(cmd, &flags->no_memo);
  add_bench_detect(cmd, action);
  cmd->callback([cmd, flags, tier, action] {
    if (!cmd->got_subcommand("detect")) *action = [flags, tier] { return bench(*flags, *tier); };
  });
}

}  // namespace sc::cli

// cmd_campaign.cpp — `stablecut campaign`: runs the campaign engine
// (injector/campaign/campaign.h) with its flags, installs the SIGINT handler
// that stops it cleanly, and prints a summary on stdout. Exit 0 if every
// crash state this run checked was legal, 1 if any was not, 2 on bad input.
#include <fmt/format.h>

#include <atomic>
#include <csignal>
#include <thread>

#include "injector/campaign/campaign.h"
#include "injector/cli/commands.h"
#include "injector/cli/enumeration_flags.h"
#include "injector/cli/tier_flags.h"

namespace sc::cli {

namespace {

std::atomic<bool> g_interrupted{false};  // set by SIGINT only

extern "C" void on_sigint(int) { g_interrupted = true; }

struct CampaignFlags {
  std::string duration;
  uint64_t max_states = UINT64_MAX;
  std::optional<uint64_t> states_per_workload;
  uint64_t workloads = UINT64_MAX;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string manager;
  std::string corpus = "corpus/workloads";
  std::string db = "results/stablecut.db";
  std::string cases_dir;
  std::string name = "default";
  std::string shard = "0/1";
  bool resume = false;
  bool no_minimize = false;
};

std::string command_line(const CampaignFlags& f, const EnumerationFlags& e, const tier::TierSpec& t) {
  std::string s = fmt::format("stablecut campaign --tier {} --name {} --db {} --corpus {} --shard {}", t.name(), f.name,
                              f.db, f.corpus, f.shard);
  if (!f.duration.empty()) s += " --duration " + f.duration;
  if (f.max_states != UINT64_MAX) s += fmt::format(" --max-states {}", f.max_states);
  if (f.states_per_workload) s += fmt::format(" --states-per-workload {}", *f.states_per_workload);
  if (f.workloads != UINT64_MAX) s += fmt::format(" --workloads {}", f.workloads);
  if (!f.manager.empty()) s += " --manager " + f.manager;
  return s + e.replay_flags();
}

campaign::CampaignOptions to_options(const CampaignFlags& f, const EnumerationFlags& e, const tier::TierSpec& t) {
  campaign::CampaignOptions o;
  o.name = f.name;
  o.tier = t;
  o.corpus_dir = f.corpus;
  o.db_path = f.db;
  o.cases_dir = f.cases_dir;
  o.seed = e.seed;
  std::tie(o.shard_index, o.shard_count) = campaign::parse_shard(f.shard);
  o.resume = f.resume;
  o.jobs = f.jobs;
  if (!f.duration.empty()) o.duration_s = campaign::parse_duration(f.duration);
  o.max_states = f.max_states;
  o.states_per_workload = f.states_per_workload;
  o.max_workloads = f.workloads;
  o.manager = f.manager;
  o.bugs = e.seeded_bugs();
  o.enumerate = e.options();
  o.minimize = !f.no_minimize;
  o.command_line = command_line(f, e, t);
  o.version = "0.1.0";
  return o;
}

int run_campaign_command(const CampaignFlags& flags, const EnumerationFlags& enumeration, const tier::TierSpec& tier) {
  const campaign::CampaignOptions options = to_options(flags, enumeration, tier);
  std::signal(SIGINT, on_sigint);
  const campaign::CampaignSummary s = campaign::run_campaign(options, g_interrupted);
  std::signal(SIGINT, SIG_DFL);
  fmt::print("campaign {} ({}) {}: {} workloads, {} crash states in {:.1f} s ({:.0f} states/s), {} illegal\n",
             s.campaign_id, s.uuid, results::name(s.status), s.workloads, s.states, s.seconds,
             s.seconds > 0 ? static_cast<double>(s.states) / s.seconds : 0.0, s.illegal);
  fmt::print("failures: {} new, {} total; see: stablecut stats --db {} --campaign {}\n", s.new_failures,
             s.total_failures, flags.db, s.campaign_id);
  if (s.recording_findings > 0) fmt::print("{} disagreements while recording workloads\n", s.recording_findings);
  if (s.status == results::CampaignStatus::interrupted)
    fmt::print("interrupted; continue with: {} --resume\n", options.command_line);
  return s.illegal > 0 || s.recording_findings > 0 ? 1 : 0;
}

}  // namespace

void add_campaign(CLI::App& app, Action* action) {
  auto flags = std::make_shared<CampaignFlags>();
  auto enumeration = std::make_shared<EnumerationFlags>();
  auto tier = std::make_shared<tier::TierSpec>();
  CLI::App* cmd = app.add_subcommand("campaign", "Generate, record and check workloads; results go to a SQLite database");
  add_tier_flags(cmd, tier);
  cmd->add_option("--duration", flags->duration, "Stop after this long, e.g. 90s, 15m, 8h, 2d");
  cmd->add_option("--max-states", flags->max_states, "Start no new workload once this many states are checked");
  cmd->add_option("--states-per-workload", flags->states_per_workload,
                  "Crash states each workload checks (default: all in-process; under QEMU 200, spread over the trace)")
      ->check(CLI::Range(uint64_t{1}, UINT64_MAX));
  cmd->add_option("--workloads", flags->workloads, "Run workloads 0..N-1 only (of all shards)");
  cmd->add_option("--jobs", flags->jobs, "Worker threads, each with its own machine (under QEMU: one QEMU each)")->check(CLI::Range(1, 1024))
      ->capture_default_str();
  cmd->add_option("--manager", flags->manager, "Only corpus workloads with a manager of this name (also a label)");
  cmd->add_option("--corpus", flags->corpus, "Directory of seed workloads (*.json)")->capture_default_str();
  cmd->add_option("--db", flags->db, "Results database (SQLite)")->capture_default_str();
  cmd->add_option("--cases-dir", flags->cases_dir, "Where failing cases go (default: cases/ beside --db)");
  cmd->add_option("--name", flags->name, "Campaign name (what --resume looks for)")->capture_default_str();
  cmd->add_option("--shard", flags->shard, "Run shard i of N: the workloads whose index % N == i")
      ->capture_default_str();
  cmd->add_flag("--resume", flags->resume, "Continue the newest unfinished campaign of this name and shard");
  cmd->add_flag("--no-minimize", flags->no_minimize, "Save failing cases as found, without shrinking them");
  add_enumeration_flags(cmd, enumeration);
  cmd->callback([flags, enumeration, tier, action] {
    *action = [flags, enumeration, tier] { return run_campaign_command(*flags, *enumeration, *tier); };
  });
}

}  // namespace sc::cli

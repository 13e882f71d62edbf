// campaign_flags.cpp — see campaign_flags.h.
#include "injector/cli/campaign_flags.h"

#include <fmt/format.h>

#include <thread>

#include "injector/campaign/option_ranges.h"
#include "injector/cli/absolute_path.h"
#include "injector/cli/memo_flag.h"
#include "injector/cli/tier_flags.h"
#include "injector/cli/value_checks.h"

namespace sc::cli {

namespace {

std::string command_line(const campaign::CampaignOptions& o, const CampaignFlags& f, const EnumerationFlags& e) {
  std::string s = fmt::format("stablecut campaign {} --name {} --db {} --corpus {} --shard {}", tier_flags_text(o.tier),
                              o.name, f.db, o.corpus_dir, f.shard);
  if (!f.duration.empty()) s += " --duration " + f.duration;
  if (f.max_states != UINT64_MAX) s += fmt::format(" --max-states {}", f.max_states);
  if (f.states_per_workload) s += fmt::format(" --states-per-workload {}", *f.states_per_workload);
  if (f.workloads != UINT64_MAX) s += fmt::format(" --workloads {}", f.workloads);
  if (!f.manager.empty()) s += " --manager " + f.manager;
  if (f.no_minimize) s += " --no-minimize";
  if (f.steer) s += " --steer";
  return s + e.replay_flags(o.tier);
}

}  // namespace

campaign::CampaignOptions to_options(const CampaignFlags& f, const EnumerationFlags& e, const tier::TierSpec& t) {
  campaign::CampaignOptions o;
  o.name = f.name;
  o.tier = t;
  o.corpus_dir = absolute_path(f.corpus);
  o.db_path = f.db;
  o.cases_dir = absolute_path(f.cases_dir);
  o.seed = e.seed;
  std::tie(o.shard_index, o.shard_count) = campaign::parse_shard(f.shard);
  o.jobs = f.jobs;
  if (!f.duration.empty()) o.duration_s = campaign::parse_duration(f.duration);
  o.progress_every_s = f.progress_every;
  o.max_states = f.max_states;
  o.states_per_workload = f.states_per_workload;
  o.max_workloads = f.workloads;
  o.manager = f.manager;
  o.bugs = e.seeded_bugs();
  o.enumerate = e.options_on(t);
  o.minimize = !f.no_minimize;
  o.memoise = !f.no_memo;
  o.steer = f.steer;
  o.command_line = command_line(o, f, e);
  o.version = "0.1.0";
  return o;
}

void add_campaign_flags(CLI::App* cmd, const std::shared_ptr<CampaignFlags>& flags,
                        const std::shared_ptr<EnumerationFlags>& enumeration,
                        const std::shared_ptr<tier::TierSpec>& tier) {
  flags->jobs = std::max(1u, std::thread::hardware_concurrency());
  add_tier_flags(cmd, tier);
  cmd->add_option("--duration", flags->duration, "Stop after this long, e.g. 90s, 15m, 8h, 2d");
  cmd->add_option("--progress-every", flags->progress_every,
                  "Seconds between progress lines on stderr (default: 0.5 on a terminal, 10 otherwise); not stored")
      ->check(number(0.05, 86400));
  cmd->add_option("--max-states", flags->max_states, "Start no new workload once this many states are checked")
      ->check(whole_number(0, UINT64_MAX));
  cmd->add_option("--states-per-workload", flags->states_per_workload,
                  "Crash states each workload checks (default: all in-process; under QEMU 200, spread over the trace)")
      ->check(whole_number(campaign::kStatesPerWorkloadRange.min, campaign::kStatesPerWorkloadRange.max));
  cmd->add_option("--workloads", flags->workloads, "Run workloads 0..N-1 only (of all shards)")
      ->check(whole_number(0, UINT64_MAX));
  cmd->add_option("--jobs", flags->jobs,
                  fmt::format("Worker threads, each with its own machine (under QEMU: one QEMU each); default: all "
                              "cores ({} here)",
                              flags->jobs))
      ->check(whole_number(campaign::kJobsRange.min, campaign::kJobsRange.max));
  cmd->add_option("--manager", flags->manager, "Only corpus workloads running this manager program (stablecut managers), or with a manager of this name; also a label");
  cmd->add_option("--corpus", flags->corpus, "Directory of seed workloads (*.json)")->capture_default_str();
  cmd->add_option("--db", flags->db, "Results database (SQLite)")->capture_default_str();
  cmd->add_option("--cases-dir", flags->cases_dir, "Where failing cases go (default: cases/ beside --db)");
  cmd->add_option("--name", flags->name, "Campaign name (with --resume: continue the newest unfinished one of it)")
      ->capture_default_str();
  cmd->add_option("--shard", flags->shard, "Run shard i of N: the workloads whose index % N == i")
      ->capture_default_str();
  CLI::Option* resume = cmd->add_flag(
      "--resume", flags->resume,
      "Continue an unfinished campaign in --db (the newest, or --campaign ID) with its stored options; flags that "
      "change what it computes must match them, --duration, --jobs, --timeout and --cases-dir may differ");
  cmd->add_option("--campaign", flags->campaign_id, "With --resume: the id of the campaign to continue")
      ->check(whole_number(1, INT64_MAX))
      ->needs(resume);
  cmd->add_flag("--no-minimize", flags->no_minimize, "Save failing cases as found, without shrinking them");
  add_no_memo_flag(cmd, &flags->no_memo);
  cmd->add_flag("--steer", flags->steer,
                "Mutate also the generations that reached new coverage, not only corpus files (docs/campaigns.md)");
  enumeration->exhaustive_default = true;
  add_enumeration_flags(cmd, enumeration);
}

}  // namespace sc::cli

// cmd_campaign.cpp — `stablecut campaign`: runs the campaign engine
// (injector/campaign/campaign.h) with its flags, installs the SIGINT and
// SIGTERM handlers that stop it cleanly (everything checked so far is
// committed), and prints a summary on stdout whose counts equal the last
// progress line's. With --resume the
// options come from the database (campaign_resume.h). Exit 0 if every crash
// state this run checked was legal, 1 if any was not, 2 on bad input.
#include <fmt/format.h>

#include <atomic>
#include <csignal>
#include <filesystem>

#include "injector/campaign/campaign.h"
#include "injector/cli/campaign_flags.h"
#include "injector/cli/campaign_resume.h"
#include "injector/cli/commands.h"
#include "injector/cli/explore_report.h"
#include "injector/cli/memo_flag.h"
#include "injector/cli/output_paths.h"
#include "injector/common/plural.h"

namespace sc::cli {

namespace {

std::atomic<bool> g_interrupted{false};  // set by SIGINT or SIGTERM only

extern "C" void on_stop_signal(int) { g_interrupted = true; }

std::string partial_note(const campaign::CampaignSummary& s) {
  if (s.partial_workloads == 0) return "";
  return fmt::format(" ({} cut short by the {})", s.partial_workloads,
                     s.status == results::CampaignStatus::interrupted ? "stop" : "deadline");
}

// Where the campaign will write cases, checked before any work starts.
void prepare_cases_dir(const campaign::CampaignOptions& o) {
  if (!o.cases_dir.empty()) return prepare_output_dir("--cases-dir", o.cases_dir);
  const auto beside_db = std::filesystem::absolute(o.db_path).parent_path() / "cases";
  prepare_output_dir("--cases-dir (default: cases/ beside --db)", beside_db.lexically_normal().string());
}

int run_campaign_command(const CLI::App& cmd, const CampaignFlags& flags, const EnumerationFlags& enumeration,
                         const tier::TierSpec& tier) {
  const campaign::CampaignOptions options =
      flags.resume ? resume_options(cmd, flags, enumeration, tier) : to_options(flags, enumeration, tier);
  prepare_cases_dir(options);
  std::signal(SIGINT, on_stop_signal);
  std::signal(SIGTERM, on_stop_signal);
  const campaign::CampaignSummary s = campaign::run_campaign(options, g_interrupted);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  fmt::print("campaign {} ({}) {}: {}{}, {} in {:.1f} s ({:.0f} states/s), {} illegal\n", s.campaign_id, s.uuid,
             results::name(s.status), counted(s.workloads, "workload"), partial_note(s), counted(s.states, "crash state"),
             s.seconds,
             s.seconds > 0 ? static_cast<double>(s.states) / s.seconds : 0.0, s.illegal);
  fmt::print("{}", recall_line(s.states, s.recalled));
  if (s.exhaustive) fmt::print("{}\n", exhaustive_line(*s.exhaustive));
  fmt::print("failures: {} new, {} total; list them with replay commands: stablecut failures --db {} --campaign {}\n",
             s.new_failures, s.total_failures, flags.db, s.campaign_id);
  if (!s.coverage.empty()) fmt::print("coverage: {}\n", s.coverage);
  if (!s.coverage_unavailable.empty()) fmt::print("coverage unavailable: {}\n", s.coverage_unavailable);
  if (s.recording_findings > 0)
    fmt::print("{} while recording workloads (the first, {}); replay: {}\n",
               counted(s.recording_findings, "disagreement"), s.first_recording_finding, s.first_recording_replay);
  if (s.beyond_memory > 0)
    fmt::print("{} skipped, unchecked: more page frames than the kernel has (first: {})\n",
               counted(s.beyond_memory, "workload"), s.first_beyond_memory);
  if (s.status == results::CampaignStatus::interrupted)
    fmt::print("interrupted; continue with: stablecut campaign --resume --db {} --campaign {}\n", flags.db,
               s.campaign_id);
  return s.illegal > 0 || s.recording_findings > 0 ? 1 : 0;
}

}  // namespace

void add_campaign(CLI::App& app, Action* action) {
  auto flags = std::make_shared<CampaignFlags>();
  auto enumeration = std::make_shared<EnumerationFlags>();
  auto tier = std::make_shared<tier::TierSpec>();
  CLI::App* cmd = app.add_subcommand("campaign", "Generate, record and check workloads; results go to a SQLite database");
  add_campaign_flags(cmd, flags, enumeration, tier);
  cmd->callback([cmd, flags, enumeration, tier, action] {
    *action = [cmd, flags, enumeration, tier] { return run_campaign_command(*cmd, *flags, *enumeration, *tier); };
  });
}

}  // namespace sc::cli

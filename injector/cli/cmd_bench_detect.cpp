// cmd_bench_detect.cpp — `stablecut bench detect`: times the seeded-bug zoo
// (injector/campaign/detect.h). For every seeded bug (or those named with
// --bug; `--bug none` is the correct system) it runs a campaign on --tier
// with --budget per bug, stops at the first illegal crash state, replays it
// on the other tier, and prints the table (or JSON) on stdout; progress
// goes to stderr and the figures to --db. SIGINT or SIGTERM end the run
// after the running bug, which is recorded with what it checked.
// Exit 0 if every bug was detected (its first failure agreeing on the
// other tier) and the correct system had no illegal state, 1 otherwise,
// 2 on bad input.
#include <fmt/format.h>

#include <atomic>
#include <csignal>
#include <filesystem>

#include "injector/campaign/campaign.h"
#include "injector/campaign/detect.h"
#include "injector/campaign/detect_table.h"
#include "injector/cli/absolute_path.h"
#include "injector/cli/commands.h"
#include "injector/cli/output_paths.h"
#include "injector/cli/tier_flags.h"
#include "injector/cli/value_checks.h"
#include "injector/common/input_error.h"

namespace sc::cli {

namespace {

struct DetectFlags {
  std::string budget = "120s";
  std::vector<std::string> bugs;
  std::string db = "results/stablecut.db";
  std::string corpus = STABLECUT_SHIPPED_CORPUS;
  std::string cases_dir;
  uint64_t seed = 1;
  std::string format = "table";
  bool no_replay = false;
};

std::atomic<bool> g_detect_interrupted{false};  // set by SIGINT or SIGTERM only

extern "C" void on_detect_stop_signal(int) { g_detect_interrupted = true; }

CLI::Validator duration_check() {
  return CLI::Validator(
      [](std::string& text) {
        try {
          campaign::parse_duration(text);
          return std::string();
        } catch (const InputError&) {
          return fmt::format("expected a positive whole number with an optional unit s, m, h or d (e.g. 120s), "
                             "got '{}'",
                             text);
        }
      },
      "");
}

std::string command_line(const DetectFlags& f, const tier::TierSpec& tier) {
  std::string s = fmt::format("stablecut bench detect {} --budget {} --db {} --seed {} --corpus {}", tier_flags_text(tier),
                              f.budget, f.db, f.seed, f.corpus);
  for (const auto& b : f.bugs) s += " --bug " + b;
  if (f.no_replay) s += " --no-replay";
  return s;
}

campaign::DetectOptions to_options(const DetectFlags& f, const tier::TierSpec& tier) {
  campaign::DetectOptions o;
  o.tier = tier;
  o.budget_s = campaign::parse_duration(f.budget);
  o.targets = campaign::detect_targets(f.bugs, tier);
  o.corpus_dir = absolute_path(f.corpus);
  o.db_path = f.db;
  o.cases_dir = absolute_path(f.cases_dir);
  o.seed = f.seed;
  o.replay_other_tier = !f.no_replay;
  o.command_line = command_line(f, tier);
  o.version = "0.1.0";
  return o;
}

int bench_detect(const DetectFlags& flags, const tier::TierSpec& tier) {
  const campaign::DetectOptions options = to_options(flags, tier);
  prepare_output_dir("--cases-dir (default: cases/ beside --db)",
                     options.cases_dir.empty()
                         ? (std::filesystem::absolute(options.db_path).parent_path() / "cases").lexically_normal().string()
                         : options.cases_dir);
  std::signal(SIGINT, on_detect_stop_signal);
  std::signal(SIGTERM, on_detect_stop_signal);
  const campaign::DetectReport report = campaign::run_detect(options, g_detect_interrupted, [](const std::string& line) {
    fmt::print(stderr, "{}\n", line);
    std::fflush(stderr);
  });
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (flags.format == "json") fmt::print("{}\n", campaign::detect_json(report).dump(2));
  else fmt::print("{}", campaign::detect_table(report));
  bool all_passed = true;
  for (const auto& row : report.rows) all_passed = all_passed && campaign::passed(row);
  return all_passed ? 0 : 1;
}

}  // namespace

void add_bench_detect(CLI::App* bench, Action* action) {
  auto flags = std::make_shared<DetectFlags>();
  auto tier = std::make_shared<tier::TierSpec>();
  CLI::App* cmd = bench->add_subcommand(
      "detect", "Time the seeded bugs: a campaign per bug until its first illegal crash state, replayed on the other "
                "tier; and the correct system's false positives");
  add_tier_flags(cmd, tier);
  cmd->add_option("--budget", flags->budget, "Campaign time per bug (and for the correct system): 90, 90s, 2m, ...")
      ->check(duration_check())
      ->capture_default_str();
  cmd->add_option("--bug", flags->bugs,
                  "Only these seeded bugs (see `stablecut managers`); `none` is the correct system (default: every "
                  "seeded bug, then none)");
  cmd->add_option("--db", flags->db, "Results database (the campaigns and the detect_run/detect_result rows)")
      ->capture_default_str();
  cmd->add_option("--corpus", flags->corpus, "Corpus directory of workload files")->capture_default_str();
  cmd->add_option("--cases-dir", flags->cases_dir, "Where failing cases are written (default: cases/ beside --db)");
  cmd->add_option("--seed", flags->seed, "Master seed of every campaign (0 to 2^64-1)")
      ->check(whole_number(0, UINT64_MAX))
      ->capture_default_str();
  cmd->add_option("--format", flags->format, "Output: table or json")->check(one_of({"table", "json"}))->capture_default_str();
  cmd->add_flag("--no-replay", flags->no_replay, "Do not replay each first failure on the other tier");
  cmd->callback([flags, tier, action] { *action = [flags, tier] { return bench_detect(*flags, *tier); }; });
}

}  // namespace sc::cli

// cmd_minimize.cpp — `stablecut minimize CASE`: shrinks a case's workload
// (steps, loci, ops) and cut while the case's failure signature still holds
// (injector/campaign/minimize.h), then writes the smaller case. The
// enumeration flags choose how candidates are explored; --seed defaults to
// the case's, and without --modes the case's own fault class (io-error,
// call-error, ...) is explored besides the default modes, since its
// signature shows only under it. Exit 1 when a smaller (or equal) reproducer was written, 0 if
// the case no longer fails, 2 on bad input.
#include <fmt/format.h>

#include "injector/campaign/minimize.h"
#include "injector/cli/commands.h"
#include "injector/cli/enumeration_flags.h"
#include "injector/tier/tier_spec.h"
#include "injector/cli/explore_report.h"
#include "injector/check/case_file.h"
#include "injector/cli/output_paths.h"
#include "injector/cli/value_checks.h"
#include "injector/common/plural.h"
#include "injector/workload/json_field.h"

namespace sc::cli {

namespace {

struct MinimizeFlags {
  std::string path;
  std::string out;
  size_t max_attempts = 300;
};

std::string default_out(const std::string& path) {
  const std::string suffix = ".trace.json";
  const bool has = path.size() > suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  return (has ? path.substr(0, path.size() - suffix.size()) : path) + "-min.trace.json";
}

int minimize_case(const MinimizeFlags& flags, const EnumerationFlags& enumeration, bool seed_given) {
  const Case c = load_case(flags.path);
  const std::string out = flags.out.empty() ? default_out(flags.path) : flags.out;
  check_output_file("--out", out);
  const std::string signature = JsonField(c.file.meta, flags.path, "meta").child("verdict").child("signature").string();
  campaign::MinimizeOptions o{c.bugs, enumeration.options_on(tier::TierSpec{}), flags.max_attempts,
                              [] { return false; }};
  if (!seed_given) o.enumerate.seed = c.file.seed;
  const auto& state = c.file.crash_state;
  if (enumeration.modes.empty() && state && crash::is_fault_mode(state->kind))
    o.enumerate.modes.set(static_cast<size_t>(state->kind));
  fmt::print("minimising {}: signature {}, {}, {}\n", flags.path, signature, counted(c.workload.steps.size(), "step"),
             counted(campaign::op_count(c.workload), "op"));
  const auto m = campaign::minimize(c.workload, signature, o);
  if (!m) {
    fmt::print("the signature does not reproduce with these enumeration flags; nothing written\n");
    return 0;
  }
  save_case(out, m->workload, c.bugs, m->recording, m->failure, o.enumerate.seed);
  fmt::print("{} tried, {} accepted: {}, {}, cut {} of {}\n", counted(m->attempts, "candidate"), m->accepted,
             counted(m->workload.steps.size(), "step"), counted(campaign::op_count(m->workload), "op"),
             m->failure.state.cut, m->recording.trace.requests().size());
  print_verdict(m->failure.verdict);
  fmt::print("wrote {}; replay: stablecut replay {}\n", out, out);
  return 1;
}

}  // namespace

void add_minimize(CLI::App& app, Action* action) {
  auto flags = std::make_shared<MinimizeFlags>();
  auto enumeration = std::make_shared<EnumerationFlags>();
  CLI::App* cmd = app.add_subcommand("minimize", "Shrink a failing case while its failure signature holds");
  cmd->add_option("case", flags->path, "Case file (a trace file written by run or campaign)")->required();
  cmd->add_option("--out", flags->out, "Where to write the smaller case (default: CASE-min.trace.json)");
  cmd->add_option("--max-attempts", flags->max_attempts, "Candidates to try at most")
      ->check(whole_number(0, SIZE_MAX))
      ->capture_default_str();
  enumeration->exhaustive_default = true;  // it minimises in-process, as run checks there by default
  add_enumeration_flags(cmd, enumeration);
  CLI::Option* seed = cmd->get_option("--seed");
  seed->description("Seed of every random enumeration choice, 0 to 2^64-1 (default: the case's)");
  seed->default_str("");
  cmd->callback([flags, enumeration, action, seed] {
    const bool seed_given = seed->count() > 0;
    *action = [flags, enumeration, seed_given] { return minimize_case(*flags, *enumeration, seed_given); };
  });
}

}  // namespace sc::cli

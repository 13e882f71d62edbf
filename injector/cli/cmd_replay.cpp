// cmd_replay.cpp — `stablecut replay CASE`: rebuilds the case's crash image
// bit for bit from its trace file, recovers it again and prints the verdict
// and the page-map diff. Exit 0 if the recovery is legal now, 1 if not.
// With --db and --failure ID (or --case ID, a kept crash state) the case is
// the failure's stored reproducer. --gdb execs gdb on this program with a
// breakpoint at recovery (sc::Kernel::boot), printing the command first.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <vector>

#include "injector/common/input_error.h"
#include "injector/results/results_db.h"

#include "injector/cli/commands.h"
#include "injector/cli/explore_report.h"
#include "injector/cli/tier_flags.h"
#include "injector/tier/tier_dispatch.h"
#include "injector/inproc/case_file.h"

namespace sc::cli {

namespace {

struct ReplayFlags {
  std::string path;
  std::string db = "results/stablecut.db";
  std::optional<std::int64_t> failure_id;
  std::optional<std::int64_t> case_id;
  bool gdb = false;
};

// The case file to replay: CASE, or the reproducer of a failure in --db.
std::string case_path(const ReplayFlags& flags) {
  if (!flags.failure_id && !flags.case_id) {
    if (flags.path.empty()) throw InputError("replay: expected a case file, --failure ID or --case ID");
    return flags.path;
  }
  const auto db = results::ResultsDb::open(flags.db, results::OpenMode::read_only);
  std::int64_t id = flags.failure_id.value_or(0);
  if (flags.case_id) {
    const results::CrashCase c = db.crash_case(*flags.case_id);
    if (!c.failure_id)
      throw InputError(flags.db + ": crash state " + std::to_string(*flags.case_id) + " is legal; expected a failing one");
    id = *c.failure_id;
  }
  const results::Failure f = db.failure(id);
  if (!f.reproducer) throw InputError(flags.db + ": failure " + std::to_string(id) + " has no stored reproducer");
  return f.reproducer->trace_path;
}

[[noreturn]] void exec_gdb(const std::string& path) {
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();  // not gdb's, after exec
  const std::vector<std::string> args = {"gdb", "-q", "-ex", "break sc::Kernel::boot", "-ex", "run", "--args",
                                         self, "replay", path};
  fmt::print("{}\n", fmt::join(args, " "));
  std::fflush(stdout);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execvp("gdb", argv.data());
  throw InputError("--gdb: expected gdb on PATH");
}

int replay(const ReplayFlags& flags, const tier::TierSpec& tier) {
  const std::string path = case_path(flags);
  if (flags.gdb) exec_gdb(path);
  const Case c = load_case(path);
  const crash::CrashState& s = *c.file.crash_state;
  fmt::print("case {}: workload {}, cut {} of {} ({} state), phase {}\n", path, c.workload.name, s.cut,
             c.file.trace.requests().size(), crash::mode_name(s.kind), phase_name(cut_phase(c.file.trace, s.cut)));
  const LegalWindow window = legal_window(c.spans, s.cut);
  fmt::print("legal states: S_{}..S_{}\n", window.previous, window.current);
  fmt::print("recovering on {}\n", tier.name());
  const Verdict v = tier::replay_on(tier, c);
  print_verdict(c.workload, v);
  return v.legal() ? 0 : 1;
}

}  // namespace

void add_replay(CLI::App& app, Action* action) {
  auto flags = std::make_shared<ReplayFlags>();
  auto tier = std::make_shared<tier::TierSpec>();
  CLI::App* cmd = app.add_subcommand("replay", "Rebuild a case's crash image and check its recovery again");
  cmd->add_option("case", flags->path, "Case file (a trace file written by run or campaign)");
  cmd->add_option("--db", flags->db, "Results database for --failure / --case")->capture_default_str();
  cmd->add_option("--failure", flags->failure_id, "Replay the stored reproducer of this failure id (see stats/report)");
  cmd->add_option("--case", flags->case_id, "Replay the reproducer of the failure of this kept crash state id");
  cmd->add_flag("--gdb", flags->gdb, "Run the replay under gdb, stopped at recovery (sc::Kernel::boot)");
  add_tier_flags(cmd, tier);
  cmd->callback([flags, tier, action] { *action = [flags, tier] { return replay(*flags, *tier); }; });
}

}  // namespace sc::cli

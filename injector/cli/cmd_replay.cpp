// cmd_replay.cpp — `stablecut replay CASE`: rebuilds the case's crash image
// bit for bit from its trace file, recovers it again and prints the verdict
// and the page-map diff. Exit 0 if the recovery is legal now, 1 if not.
// With --db and --case ID the case is that kept crash state exactly as the
// campaign checked it (rebuilt from the database, injector/campaign/
// kept_state.h); with --minimized, or --failure ID, it is the failure's
// stored reproducer. --gdb stops at recovery in a debugger: in-process it
// execs gdb on this program with a breakpoint at sc::Kernel::boot; under
// QEMU the recovery boot waits, paused, for gdb-multiarch on QEMU's gdbstub
// (no boot timeout). Either way the command is printed first.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <vector>

#include "injector/campaign/kept_state.h"
#include "injector/check/state_window.h"
#include "injector/common/input_error.h"
#include "injector/results/results_db.h"

#include "injector/cli/case_location.h"
#include "injector/cli/commands.h"
#include "injector/cli/explore_report.h"
#include "injector/cli/tier_flags.h"
#include "injector/check/case_file.h"
#include "injector/cli/value_checks.h"
#include "injector/tier/tier_dispatch.h"

namespace sc::cli {

namespace {

struct ReplayFlags {
  std::string path;
  std::string db = "results/stablecut.db";
  std::optional<std::int64_t> failure_id;
  std::optional<std::int64_t> case_id;
  bool minimized = false;
  bool gdb = false;
};

// The reproducer of a failure in --db: of --failure ID, or of --case ID's failure.
std::string reproducer_path(const ReplayFlags& flags, const results::ResultsDb& db) {
  std::int64_t id = flags.failure_id.value_or(0);
  if (flags.case_id) {
    const results::CrashCase c = db.crash_case(*flags.case_id);
    if (!c.failure_id)
      throw InputError(flags.db + ": crash state " + std::to_string(*flags.case_id) + " is legal; it has no reproducer");
    id = *c.failure_id;
  }
  const results::Failure f = db.failure(id);
  if (!f.reproducer) throw InputError(flags.db + ": failure " + std::to_string(id) + " has no stored reproducer");
  if (f.reproducer->trace_path.empty())  // stablecut sqlite's: a command, no case file
    throw InputError(flags.db + ": failure " + std::to_string(id) + " has no case file; it replays with: " +
                     f.reproducer->replay_command);
  return locate_case(f.reproducer->trace_path, flags.db);
}

// Exactly one of CASE, --failure ID, --case ID names what to replay.
void check_one_target(const ReplayFlags& flags) {
  const int given = int{!flags.path.empty()} + int{flags.failure_id.has_value()} + int{flags.case_id.has_value()};
  if (given > 1)
    throw InputError("replay: expected one of a case file, --failure ID or --case ID; got " + std::to_string(given));
}

Case load_target(const ReplayFlags& flags, const tier::TierSpec& tier) {
  if (!flags.failure_id && !flags.case_id) {
    if (flags.path.empty()) throw InputError("replay: expected a case file, --failure ID or --case ID");
    return load_case(flags.path);
  }
  const auto db = results::ResultsDb::open(flags.db, results::OpenMode::read_only);
  if (flags.case_id && !flags.minimized) {
    const results::CrashCase row = db.crash_case(*flags.case_id);
    Case c = campaign::rebuild_kept_state(row, tier);
    c.path = fmt::format("case {} of {} (kept by campaign {}: {}; rebuilt exactly)", row.id, flags.db,
                         row.campaign_id, row.state_key);
    return c;
  }
  return load_case(reproducer_path(flags, db));
}

// The arguments of this replay without --gdb (for running it under gdb).
std::vector<std::string> replay_args(const ReplayFlags& flags) {
  if (!flags.failure_id && !flags.case_id) return {flags.path};
  std::vector<std::string> args = {"--db", flags.db};
  if (flags.failure_id) args.insert(args.end(), {"--failure", std::to_string(*flags.failure_id)});
  if (flags.case_id) args.insert(args.end(), {"--case", std::to_string(*flags.case_id)});
  if (flags.minimized) args.push_back("--minimized");
  return args;
}

[[noreturn]] void exec_gdb(const ReplayFlags& flags) {
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();  // not gdb's, after exec
  std::vector<std::string> args = {"gdb", "-q", "-ex", "break sc::Kernel::boot", "-ex", "run", "--args", self, "replay"};
  for (auto& a : replay_args(flags)) args.push_back(std::move(a));
  fmt::print("{}\n", fmt::join(args, " "));
  std::fflush(stdout);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execvp("gdb", argv.data());
  throw InputError("--gdb: expected gdb on PATH");
}

void announce_gdb(const std::string& command) {
  fmt::print("QEMU waits for the debugger at the recovery boot (boot timeout off); attach with:\n  {}\n", command);
  fmt::print("then `continue`: the guest stops at recovery (sc::Kernel::boot); the verdict follows when the recovery boot finishes (its SC DONE line)\n");
  std::fflush(stdout);
}

int replay(const ReplayFlags& flags, const tier::TierSpec& tier) {
  check_one_target(flags);
  if (flags.gdb && !tier.qemu()) exec_gdb(flags);
  const Case c = load_target(flags, tier);
  const crash::CrashState& s = *c.file.crash_state;
  fmt::print("replaying {}: workload {}, cut {} of {} ({} state), phase {}\n", c.path, c.workload.name, s.cut,
             c.file.trace.requests().size(), crash::mode_name(s.kind), phase_name(cut_phase(c.file.trace, s.cut)));
  const LegalWindow window = legal_window_of(c.spans, s);
  fmt::print("legal states: S_{}..S_{}\n", window.previous, window.current);
  fmt::print("recovering on {}\n", tier.name());
  std::fflush(stdout);
  const Verdict v = flags.gdb ? tier::replay_on_gdb(tier, c, announce_gdb) : tier::replay_on(tier, c);
  print_verdict(v);
  return v.legal() ? 0 : 1;
}

}  // namespace

void add_replay(CLI::App& app, Action* action) {
  auto flags = std::make_shared<ReplayFlags>();
  auto tier = std::make_shared<tier::TierSpec>();
  CLI::App* cmd = app.add_subcommand("replay", "Rebuild a case's crash image and check its recovery again");
  cmd->add_option("case", flags->path, "Case file (a trace file written by run or campaign)");
  cmd->add_option("--db", flags->db, "Results database for --failure / --case")->capture_default_str();
  cmd->add_option("--failure", flags->failure_id, "Replay the stored reproducer of this failure id (see `stablecut failures`)")
      ->check(whole_number(1, INT64_MAX));
  CLI::Option* kept = cmd->add_option(
      "--case", flags->case_id, "Replay this kept crash state id exactly as the campaign checked it (rebuilt from --db)")
      ->check(whole_number(1, INT64_MAX));
  cmd->add_flag("--minimized", flags->minimized, "With --case: replay its failure's stored (minimised) reproducer")
      ->needs(kept);
  cmd->add_flag("--gdb",
                flags->gdb,
                "Stop at recovery in a debugger: in-process, gdb on this program at sc::Kernel::boot; with --tier qemu, "
                "QEMU's recovery boot waits for gdb-multiarch (no timeout)");
  add_tier_flags(cmd, tier);
  cmd->callback([flags, tier, action] { *action = [flags, tier] { return replay(*flags, *tier); }; });
}

}  // namespace sc::cli

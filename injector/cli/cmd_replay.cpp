// cmd_replay.cpp — `stablecut replay CASE`: rebuilds the case's crash image
// bit for bit from its trace file, recovers it again and prints the verdict
// and the page-map diff. Exit 0 if the recovery is legal now, 1 if not.
#include <fmt/format.h>

#include "injector/cli/commands.h"
#include "injector/cli/explore_report.h"
#include "injector/inproc/case_file.h"

namespace sc::cli {

namespace {

struct ReplayFlags {
  std::string path;
  std::string tier = "inproc";
};

int replay(const ReplayFlags& flags) {
  const Case c = load_case(flags.path);
  const crash::CrashState& s = *c.file.crash_state;
  fmt::print("case {}: workload {}, cut {} of {} ({} state), phase {}\n", flags.path, c.workload.name, s.cut,
             c.file.trace.requests().size(), crash::mode_name(s.kind), phase_name(cut_phase(c.file.trace, s.cut)));
  const LegalWindow window = legal_window(c.spans, s.cut);
  fmt::print("legal states: S_{}..S_{}\n", window.previous, window.current);
  const Verdict v = replay_inproc(c);
  print_verdict(c.workload, v);
  return v.legal() ? 0 : 1;
}

}  // namespace

void add_replay(CLI::App& app, Action* action) {
  auto flags = std::make_shared<ReplayFlags>();
  CLI::App* cmd = app.add_subcommand("replay", "Rebuild a case's crash image and check its recovery again");
  cmd->add_option("case", flags->path, "Case file (a trace file written by run or campaign)")->required();
  cmd->add_option("--tier", flags->tier, "Where to recover: inproc")->check(CLI::IsMember({"inproc"}))->capture_default_str();
  cmd->callback([flags, action] { *action = [flags] { return replay(*flags); }; });
}

}  // namespace sc::cli

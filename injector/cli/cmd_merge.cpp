// cmd_merge.cpp — `stablecut merge OUT IN...`: merges per-shard results
// databases into OUT (injector/results/merge.h: one transaction per input,
// campaigns by uuid, workloads, mutate runs and detect results already
// present skipped, so merging again is harmless). Every input is checked
// before OUT is touched, and a failed merge leaves no OUT it created. Exit 0,
// or 2 if OUT cannot be written or an input is missing, a directory, corrupt
// or newer.
#include <fmt/format.h>

#include "injector/cli/commands.h"
#include "injector/cli/output_paths.h"
#include "injector/common/input_error.h"
#include "injector/common/plural.h"
#include "injector/results/merge.h"

namespace sc::cli {

namespace {

struct MergeFlags {
  std::string out;
  std::vector<std::string> inputs;
};

std::string added(std::int64_t n, const std::string& noun) {
  return counted(static_cast<std::uint64_t>(n), noun) + " added";
}

int merge(const MergeFlags& flags) {
  check_output_file("OUT", flags.out);
  std::vector<std::filesystem::path> inputs;
  for (const auto& in : flags.inputs) {
    if (std::filesystem::is_directory(in)) throw InputError(in + ": is a directory; expected a results database file");
    if (!std::filesystem::is_regular_file(in)) throw InputError(in + ": expected an existing results database");
    inputs.emplace_back(in);
  }
  const results::MergeReport r = results::merge(flags.out, inputs);
  fmt::print("merged {} into {}: {}, {}, {} already present, {}, {}, {}\n", counted(inputs.size(), "input"),
             flags.out, added(r.campaigns_added, "campaign"), added(r.workloads_added, "workload"),
             counted(static_cast<std::uint64_t>(r.workloads_skipped), "workload"),
             added(r.mutate_runs_added, "mutate run"), added(r.detect_runs_added, "detect run"),
             added(r.detect_results_added, "detect result"));
  return 0;
}

}  // namespace

void add_merge(CLI::App& app, Action* action) {
  auto flags = std::make_shared<MergeFlags>();
  CLI::App* cmd = app.add_subcommand("merge", "Merge per-shard results databases into one");
  cmd->add_option("out", flags->out, "Output database (created if missing)")->required();
  cmd->add_option("inputs", flags->inputs, "Input databases (only read)")->required();
  cmd->callback([flags, action] { *action = [flags] { return merge(*flags); }; });
}

}  // namespace sc::cli

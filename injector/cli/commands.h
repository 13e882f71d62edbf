// commands.h — the subcommands of the `stablecut` program. Each add_*()
// registers its subcommand, flags (with defaults and help text) and the
// action run when it is chosen. Actions return the process exit code:
// 0 = everything checked was legal, 1 = a finding, 2 = usage or input error.
#pragma once
#include <functional>

#include <CLI/CLI.hpp>

namespace sc::cli {

using Action = std::function<int()>;

void add_run(CLI::App& app, Action* action);
void add_replay(CLI::App& app, Action* action);
void add_bench(CLI::App& app, Action* action);
void add_bench_detect(CLI::App* bench, Action* action);
void add_campaign(CLI::App& app, Action* action);
void add_minimize(CLI::App& app, Action* action);
void add_stats(CLI::App& app, Action* action);
void add_failures(CLI::App& app, Action* action);
void add_report(CLI::App& app, Action* action);
void add_merge(CLI::App& app, Action* action);
void add_managers(CLI::App& app, Action* action);
void add_mutate(CLI::App& app, Action* action);
void add_sqlite(CLI::App& app, Action* action);

}  // namespace sc::cli

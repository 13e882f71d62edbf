// main.cpp — the `stablecut` command line: parses flags with CLI11, runs the
// chosen subcommand, and maps every error to the project's exit codes
// (0 legal, 1 finding, 2 usage or input error) with a one-line message.
#include <cstdio>
#include <exception>

#include "injector/cli/commands.h"
#include "injector/common/input_error.h"
#include "injector/results/error.h"

namespace {

constexpr int kExitUsage = 2;

int run_cli(int argc, char** argv) {
  CLI::App app{"stablecut — crash-consistency fuzzing and fault injection for self-managing managers"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "stablecut 0.1.0");
  sc::cli::Action action;
  sc::cli::add_run(app, &action);
  sc::cli::add_replay(app, &action);
  sc::cli::add_bench(app, &action);
  sc::cli::add_campaign(app, &action);
  sc::cli::add_minimize(app, &action);
  sc::cli::add_stats(app, &action);
  sc::cli::add_report(app, &action);
  sc::cli::add_merge(app, &action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "stablecut: %s (see --help)\n", e.what());
    return kExitUsage;
  }
  return action();
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run_cli(argc, argv);
  } catch (const sc::InputError& e) {
    std::fprintf(stderr, "stablecut: %s\n", e.what());
    return kExitUsage;
  } catch (const sc::results::DbError& e) {
    std::fprintf(stderr, "stablecut: %s\n", e.what());
    return kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "stablecut: internal error: %s\n", e.what());
    return kExitUsage;
  }
}

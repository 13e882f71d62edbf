// main.cpp — the `stablecut` command line: parses flags with CLI11, runs the
// chosen subcommand, and maps every error to the project's exit codes
// (0 legal, 1 finding, 2 usage or input error) with a one-line message.
// Every CLI11 parse error is worded here, in one place (value checks are
// worded in value_checks.h); an unknown command lists the commands.
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "injector/cli/commands.h"
#include "injector/common/input_error.h"
#include "injector/results/error.h"

namespace {

constexpr int kExitUsage = 2;

std::string command_names(CLI::App& app) {
  std::string names;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    names += (names.empty() ? "" : ", ") + sub->get_name();
  return names;
}

// The text after `prefix` in `what`, or nullopt if it does not start so.
std::optional<std::string> after(std::string_view what, std::string_view prefix) {
  if (what.substr(0, prefix.size()) != prefix) return std::nullopt;
  return std::string(what.substr(prefix.size()));
}

// CLI11's message in the tool's words: what was wrong, and what was expected.
std::string reworded(const CLI::ParseError& e, CLI::App& app) {
  const std::string_view what = e.what();
  if (const auto rest = after(what, "Could not convert: ")) {
    const size_t eq = rest->find(" = ");
    if (eq != std::string::npos)
      return fmt::format("{}: '{}' is not a value of the kind it takes", rest->substr(0, eq), rest->substr(eq + 3));
  }
  for (const char* prefix : {"The following argument was not expected: ", "The following arguments were not expected: "}) {
    if (const auto rest = after(what, prefix)) return fmt::format("unexpected argument {}", *rest);
  }
  if (what == "A subcommand is required") return "expected a command: " + command_names(app);
  return std::string(what);
}

// An unknown first word (not a flag, not a command) is named with the list.
bool unknown_command(CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return false;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    if (sub->check_name(argv[1])) return false;
  std::fprintf(stderr, "stablecut: unknown command '%s'; commands: %s (see --help)\n", argv[1],
               command_names(app).c_str());
  return true;
}

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
  sc::cli::add_failures(app, &action);
  sc::cli::add_report(app, &action);
  sc::cli::add_merge(app, &action);
  sc::cli::add_managers(app, &action);
  sc::cli::add_mutate(app, &action);
  sc::cli::add_sqlite(app, &action);
  if (unknown_command(app, argc, argv)) return kExitUsage;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "stablecut: %s (see --help)\n", reworded(e, app).c_str());
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

// printed_commands.h — reads the stablecut commands a command printed for its
// user ("... stablecut replay --db X --failure 3 --tier inproc"), so tests run
// them exactly as printed.
// Interface: printed_commands(out, "replay") is every line's command that
// starts "stablecut replay ", as its argument list without "stablecut".
// Invariant: a command ends at its line's end; words are split at blanks
// (the paths the tests use hold none).
#pragma once
#include <string>
#include <vector>

namespace sc::campaign::testing {

std::vector<std::vector<std::string>> printed_commands(const std::string& out, const std::string& subcommand);

}  // namespace sc::campaign::testing

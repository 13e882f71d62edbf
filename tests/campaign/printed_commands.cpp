// printed_commands.cpp — see printed_commands.h.
#include "printed_commands.h"

#include <sstream>

namespace sc::campaign::testing {

std::vector<std::vector<std::string>> printed_commands(const std::string& out, const std::string& subcommand) {
  std::vector<std::vector<std::string>> commands;
  std::istringstream lines(out);
  const std::string prefix = "stablecut " + subcommand + " ";
  for (std::string line; std::getline(lines, line);) {
    const size_t at = line.find(prefix);
    if (at == std::string::npos) continue;
    std::istringstream words(line.substr(at + std::string("stablecut ").size()));
    std::vector<std::string> args;
    for (std::string w; words >> w;) args.push_back(w);
    commands.push_back(args);
  }
  return commands;
}

}  // namespace sc::campaign::testing

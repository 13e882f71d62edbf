// cmd_managers.cpp — `stablecut managers`: every manager program registered
// in this build (managers/registry/registry.h) with its role, the tiers it
// runs in, its description, whether it has a format checker, and its
// seeded bugs (the names --bug takes), then the kernel's own seeded bugs.
// Table or JSON (programs only). Exit 0; 2 for a bad
// flag or a registry that breaks its invariant (two programs sharing a
// name, an entry id or a bug name).
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <nlohmann/json.hpp>

#include "injector/cli/commands.h"
#include "injector/common/plural.h"
#include "injector/common/seeded_bugs.h"
#include "injector/tier/tier_spec.h"
#include "managers/registry/format_checks.h"
#include "managers/registry/registry_checks.h"

namespace sc::cli {

namespace {

const char* role_name(ManagerRole role) { return role == ManagerRole::self_managing ? "self-managing" : "managed"; }

std::vector<std::string> tiers() {
  if (tier::qemu_tier_built()) return {"inproc", "qemu"};
  return {"inproc"};
}

nlohmann::json program_json(const ManagerProgram& p) {
  nlohmann::json bugs = nlohmann::json::array();
  for (uint32_t b = 0; b < p.bug_count; ++b)
    bugs.push_back({{"name", p.bugs[b].name}, {"description", p.bugs[b].description}, {"modes", p.bugs[b].modes}});
  return {{"name", p.name},           {"role", role_name(p.role)},
          {"tiers", tiers()},         {"description", p.description},
          {"entry", fmt::format("{:#010x}", p.entry)},
          {"format_check", find_format_check(p.name) != nullptr},
          {"bugs", bugs}};
}

// The width of the --bug column: the longest of `names`.
size_t bug_column(const std::vector<std::string>& names) {
  size_t width = 0;
  for (const std::string& name : names) width = std::max(width, name.size());
  return width;
}

// " (found by --modes a,b)" for a bug that declares fault modes, else "".
std::string found_by(const std::string& modes) {
  return modes.empty() ? "" : fmt::format(" (found by --modes {})", modes);
}

void print_program(const ManagerProgram& p, size_t column) {
  fmt::print("{}  ({}, tiers: {}{})\n  {}\n", p.name, role_name(p.role), fmt::join(tiers(), ", "),
             find_format_check(p.name) != nullptr ? ", format checker" : "", p.description);
  for (uint32_t b = 0; b < p.bug_count; ++b)
    fmt::print("  --bug {:<{}} {}{}\n", p.bugs[b].name, column, p.bugs[b].description, found_by(p.bugs[b].modes));
}

int managers(const std::string& format) {
  if (const char* problem = registry_problem()) {
    fmt::print(stderr, "stablecut managers: the manager registry of this build is broken: {}\n", problem);
    return 2;
  }
  if (format == "json") {
    nlohmann::json list = nlohmann::json::array();
    for (uint32_t i = 0; i < registered_manager_count(); ++i) list.push_back(program_json(registered_manager(i)));
    fmt::print("{}\n", list.dump(1));
    return 0;
  }
  const std::vector<std::string> bugs = seeded_bug_names();
  const size_t column = bug_column(bugs);
  for (uint32_t i = 0; i < registered_manager_count(); ++i) {
    if (i > 0) fmt::print("\n");
    print_program(registered_manager(i), column);
  }
  fmt::print("\nkernel  (seeded bugs of the kernel itself, with any manager)\n");
  for (const auto& name : bugs)
    if (find_manager_bug(name.c_str()).program == nullptr)
      fmt::print("  --bug {:<{}} {}{}\n", name, column, kernel_bug_description(name), found_by(seeded_bug_modes(name)));
  fmt::print("\n{} registered; a workload names one in a manager's \"program\" (docs/managers.md)\n",
             counted(registered_manager_count(), "manager program"));
  return 0;
}

}  // namespace

void add_managers(CLI::App& app, Action* action) {
  auto* cmd = app.add_subcommand("managers", "List the manager programs of this build: role, tiers, seeded bugs");
  auto format = std::make_shared<std::string>("table");
  cmd->add_option("--format", *format, "table or json")->check(CLI::IsMember({"table", "json"}))->capture_default_str();
  cmd->callback([action, format] { *action = [format] { return managers(*format); }; });
}

}  // namespace sc::cli

// tier_flags.cpp — see tier_flags.h.
#include "injector/cli/tier_flags.h"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "injector/campaign/option_ranges.h"
#include "injector/cli/absolute_path.h"
#include "injector/cli/value_checks.h"

namespace sc::cli {

void add_tier_flags(CLI::App* cmd, const std::shared_ptr<tier::TierSpec>& flags) {
  const std::vector<std::string> tiers =
      tier::qemu_tier_built() ? std::vector<std::string>{"inproc", "qemu"} : std::vector<std::string>{"inproc"};
  cmd->add_option_function<std::string>(
         "--tier", [flags](const std::string& name) { flags->kind = name == "qemu" ? tier::Kind::qemu : tier::Kind::inproc; },
         "Where to run: inproc (in-process) or qemu (riscv64 under QEMU)")
      ->check(one_of(tiers))
      ->default_str("inproc");
  cmd->add_option("--kernel", flags->kernel, "QEMU tier: the riscv64 kernel image")->check(CLI::ExistingFile);
  cmd->add_option("--plugin", flags->plugin, "QEMU tier: the stablecut nbdkit plugin")->check(CLI::ExistingFile);
  cmd->add_option("--timeout", flags->timeout_s, "QEMU tier: seconds before a boot counts as a hang")
      ->check(number(campaign::kTimeoutRange.min, campaign::kTimeoutRange.max))
      ->capture_default_str();
}

std::string tier_flags_text(const tier::TierSpec& tier) {
  std::string out = fmt::format("--tier {}", tier.name());
  if (!tier.qemu()) return out;
  const tier::TierSpec defaults;
  if (tier.kernel != defaults.kernel) out += " --kernel " + absolute_path(tier.kernel);
  if (tier.plugin != defaults.plugin) out += " --plugin " + absolute_path(tier.plugin);
  if (tier.timeout_s != defaults.timeout_s) out += fmt::format(" --timeout {}", tier.timeout_s);
  return out;
}

}  // namespace sc::cli

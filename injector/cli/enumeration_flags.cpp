// enumeration_flags.cpp — see enumeration_flags.h.
#include "injector/cli/enumeration_flags.h"

#include <sstream>

#include "injector/campaign/option_ranges.h"
#include "injector/cli/value_checks.h"
#include "injector/common/input_error.h"

namespace sc::cli {

crash::EnumeratorOptions EnumerationFlags::options() const {
  crash::EnumeratorOptions o;
  o.modes.reset();
  std::stringstream list(modes);
  std::string name;
  while (std::getline(list, name, ',')) {
    crash::Mode m;
    if (!crash::parse_mode(name.c_str(), &m) || !crash::mode_enumerated(m))
      throw InputError("--modes " + modes + ": unknown mode '" + name + "'; expected prefix, reorder, torn, read-error or io-error");
    o.modes.set(static_cast<size_t>(m));
  }
  if (o.modes.none()) throw InputError("--modes: expected at least one of prefix, reorder, torn, read-error, io-error");
  o.k = k;
  o.samples_per_cut = samples;
  o.torn_samples_per_write = torn_samples;
  o.seed = seed;
  return o;
}

SeededBugs EnumerationFlags::seeded_bugs() const {
  SeededBugs b;
  for (const auto& name : bugs) enable_seeded_bug(&b, name);
  return b;
}

std::string EnumerationFlags::replay_flags() const {
  std::string out = " --modes " + modes + " --seed " + std::to_string(seed);
  for (const auto& b : bugs) out += " --bug " + b;
  return out;
}

void add_enumeration_flags(CLI::App* cmd, const std::shared_ptr<EnumerationFlags>& flags) {
  cmd->add_option("--modes", flags->modes, "Crash-state modes, comma-separated: prefix, reorder, torn (power cuts); read-error, io-error (I/O-error faults, in-process)")->capture_default_str();
  cmd->add_option("--k", flags->k, "Reorder: keep every subset of in-flight writes up to this size")
      ->check(whole_number(campaign::kReorderKRange.min, campaign::kReorderKRange.max))->capture_default_str();
  cmd->add_option("--samples", flags->samples, "Reorder: random subsets per cut beyond size k")
      ->check(whole_number(campaign::kSamplesRange.min, campaign::kSamplesRange.max))->capture_default_str();
  cmd->add_option("--torn-samples", flags->torn_samples, "Torn: random sector masks per in-flight write")
      ->check(whole_number(campaign::kSamplesRange.min, campaign::kSamplesRange.max))->capture_default_str();
  cmd->add_option("--seed", flags->seed, "Seed of every random enumeration choice (0 to 2^64-1)")
      ->check(whole_number(0, UINT64_MAX))
      ->capture_default_str();
  std::string names;
  for (const auto& n : seeded_bug_names()) names += (names.empty() ? "" : ", ") + n;
  cmd->add_option("--bug", flags->bugs, "Seed a protocol bug (test-only), repeatable: " + names);
}

}  // namespace sc::cli

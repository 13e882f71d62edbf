// enumeration_flags.cpp — see enumeration_flags.h.
#include "injector/cli/enumeration_flags.h"

#include <fmt/format.h>

#include <sstream>

#include "injector/campaign/option_ranges.h"
#include "injector/cli/value_checks.h"
#include "injector/common/input_error.h"

namespace sc::cli {

std::string enumerated_mode_list() {
  std::string names;
  for (size_t m = 0; m < crash::kModeCount; ++m)
    if (crash::mode_enumerated(static_cast<crash::Mode>(m)))
      names += (names.empty() ? "" : ", ") + std::string(crash::kModeNames[m]);
  return names;
}

namespace {

crash::EnumeratorOptions parse_modes(const std::string& modes) {
  crash::EnumeratorOptions o;
  o.modes.reset();
  std::stringstream list(modes);
  std::string name;
  while (std::getline(list, name, ',')) {
    if (name == crash::kExhaustiveModeName) {
      o.exhaustive = true;
      continue;
    }
    crash::Mode m;
    if (!crash::parse_mode(name.c_str(), &m) || !crash::mode_enumerated(m))
      throw InputError("--modes " + modes + ": unknown mode '" + name + "'; expected exhaustive, " +
                       enumerated_mode_list());
    o.modes.set(static_cast<size_t>(m));
  }
  if (o.modes.none() && !o.exhaustive)
    throw InputError("--modes: expected at least one of exhaustive, " + enumerated_mode_list());
  return o;
}

}  // namespace

std::string EnumerationFlags::modes_on(const tier::TierSpec& tier) const {
  if (!modes.empty()) return modes;
  return exhaustive_default && !tier.qemu() ? kExhaustiveModes : kBoundedModes;
}

namespace {

// The options of the flags with `modes` in place of --modes.
crash::EnumeratorOptions options_with(const EnumerationFlags& f, const std::string& modes) {
  crash::EnumeratorOptions o = parse_modes(modes);
  o.runs_per_cut = f.runs_per_cut;
  o.k = f.k;
  o.samples_per_cut = f.samples;
  o.torn_samples_per_write = f.torn_samples;
  o.fault_samples_per_cut = f.fault_samples;
  o.faults = f.faults;
  o.seed = f.seed;
  return o;
}

}  // namespace

crash::EnumeratorOptions EnumerationFlags::options() const {
  return options_with(*this, modes.empty() ? kBoundedModes : modes);
}

crash::EnumeratorOptions EnumerationFlags::options_on(const tier::TierSpec& tier) const {
  crash::EnumeratorOptions o = options_with(*this, modes_on(tier));
  if (o.exhaustive && tier.qemu())
    throw InputError("--modes exhaustive: in-process only (it reruns recovery as it reads); drop --tier qemu");
  const auto call_fault = crash::call_fault_in(o.modes);
  if (call_fault && tier.qemu())
    throw InputError(fmt::format("--modes {}: in-process only (it faults a manager's system call); drop --tier qemu",
                                 crash::mode_name(*call_fault)));
  return o;
}

SeededBugs EnumerationFlags::seeded_bugs() const {
  SeededBugs b;
  for (const auto& name : bugs) enable_seeded_bug(&b, name);
  return b;
}

std::string EnumerationFlags::replay_flags(const tier::TierSpec& tier) const {
  std::string out = " --modes " + modes_on(tier) + " --seed " + std::to_string(seed);
  if (runs_per_cut != crash::kDefaultRunsPerCut) out += " --runs-per-cut " + std::to_string(runs_per_cut);
  if (faults != 1) out += " --faults " + std::to_string(faults);
  if (fault_samples != 4) out += " --fault-samples " + std::to_string(fault_samples);
  for (const auto& b : bugs) out += " --bug " + b;
  return out;
}

void add_enumeration_flags(CLI::App* cmd, const std::shared_ptr<EnumerationFlags>& flags) {
  cmd->add_option("--modes", flags->modes,
                  "Crash-state modes, comma-separated: prefix, reorder, torn (power cuts); exhaustive (in-process: "
                  "every subset of in-flight writes at every cut, with torn every tear too, by what recovery reads; "
                  "replaces prefix and reorder); and the storage faults "
                  "lying-flush (a FLUSH/FUA acknowledged, not honoured), misdirected (a write lands elsewhere), "
                  "lost-write (a durable write never reached the media), bit-rot (a durable bit flips), "
                  "sub-sector-tear (an in-flight sector keeps part of its new bytes), read-error (a sector recovery reads "
                  "fails), io-error (a WRITE or FLUSH of the run fails; the run is recorded again), call-error (a manager's "
                  "system call fails; the run is recorded again; in-process only), call-misuse (a manager's system "
                  "call reaches the kernel with an argument it must refuse; recorded again; in-process only). Default: " +
                      std::string(flags->exhaustive_default
                                      ? std::string(kExhaustiveModes) + " in-process, " + kBoundedModes + " under QEMU"
                                      : kBoundedModes));
  cmd->add_option("--runs-per-cut", flags->runs_per_cut,
                  "Exhaustive: recoveries per cut; a cut that needs more is also checked by the bounded modes "
                  "(prefix, reorder and, with torn, torn)")
      ->check(whole_number(campaign::kRunsPerCutRange.min, campaign::kRunsPerCutRange.max))->capture_default_str();
  cmd->add_option("--k", flags->k, "Reorder: keep every subset of in-flight writes up to this size")
      ->check(whole_number(campaign::kReorderKRange.min, campaign::kReorderKRange.max))->capture_default_str();
  cmd->add_option("--samples", flags->samples, "Reorder: random subsets per cut beyond size k")
      ->check(whole_number(campaign::kSamplesRange.min, campaign::kSamplesRange.max))->capture_default_str();
  cmd->add_option("--torn-samples", flags->torn_samples, "Torn: random sector masks per in-flight write")
      ->check(whole_number(campaign::kSamplesRange.min, campaign::kSamplesRange.max))->capture_default_str();
  cmd->add_option("--faults", flags->faults, "Storage-fault modes: faults per crash state")
      ->check(whole_number(campaign::kFaultsRange.min, campaign::kFaultsRange.max))->capture_default_str();
  cmd->add_option("--fault-samples", flags->fault_samples, "Storage-fault modes: fault states per cut and mode (lying-flush tries every candidate lie instead)")
      ->check(whole_number(campaign::kFaultSamplesRange.min, campaign::kFaultSamplesRange.max))->capture_default_str();
  cmd->add_option("--seed", flags->seed, "Seed of every random enumeration choice (0 to 2^64-1)")
      ->check(whole_number(0, UINT64_MAX))
      ->capture_default_str();
  std::string names;
  for (const auto& n : seeded_bug_names()) names += (names.empty() ? "" : ", ") + n;
  cmd->add_option("--bug", flags->bugs, "Seed a protocol bug (test-only), repeatable: " + names);
}

}  // namespace sc::cli

// enumeration_flags.h — the crash-state enumeration flags shared by `run`,
// `campaign`, `mutate`, `minimize` and `sqlite`: --modes, --runs-per-cut,
// --k, --samples, --torn-samples, --faults, --fault-samples, --seed, --bug.
// Defined once, with defaults and help text.
// Default modes: `run`, `campaign` and `minimize` set exhaustive_default, so
// without --modes they run exhaustive,torn in-process (the bounded modes also
// check the cuts past --runs-per-cut) and prefix,reorder,torn under QEMU;
// `mutate` and `sqlite` run prefix,reorder,torn.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "injector/common/seeded_bugs.h"
#include "injector/crash/enumerator.h"
#include "injector/tier/tier_spec.h"

namespace sc::cli {

inline constexpr const char* kBoundedModes = "prefix,reorder,torn";
inline constexpr const char* kExhaustiveModes = "exhaustive,torn";

struct EnumerationFlags {
  std::string modes;  // as given; empty: the default (modes_on)
  bool exhaustive_default = false;
  uint64_t runs_per_cut = crash::kDefaultRunsPerCut;
  size_t k = 2;
  uint32_t samples = 8;
  uint32_t torn_samples = 16;
  uint32_t faults = 1;
  uint32_t fault_samples = 4;
  uint64_t seed = 1;
  std::vector<std::string> bugs;

  // The modes given, or the default on `tier`.
  std::string modes_on(const tier::TierSpec& tier) const;
  // The options without a tier (the bounded modes by default); throws
  // InputError for bad --modes.
  crash::EnumeratorOptions options() const;
  // The options on `tier`, also refusing what it cannot run (exhaustive under QEMU).
  crash::EnumeratorOptions options_on(const tier::TierSpec& tier) const;
  SeededBugs seeded_bugs() const;  // throws InputError for an unknown --bug
  // The flags to repeat in a replay command on `tier` (the modes resolved).
  std::string replay_flags(const tier::TierSpec& tier) const;
};

// The modes --modes accepts (crash::mode_enumerated), comma-separated.
std::string enumerated_mode_list();

void add_enumeration_flags(CLI::App* cmd, const std::shared_ptr<EnumerationFlags>& flags);

}  // namespace sc::cli

// enumeration_flags.h — the crash-state enumeration flags shared by `run`,
// `bench` and `campaign`: --modes, --k, --samples, --torn-samples, --faults,
// --fault-samples, --seed, --bug. Defined once, with defaults and help text.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "injector/common/seeded_bugs.h"
#include "injector/crash/enumerator.h"
#include "injector/tier/tier_spec.h"

namespace sc::cli {

struct EnumerationFlags {
  std::string modes = "prefix,reorder,torn";
  size_t k = 2;
  uint32_t samples = 8;
  uint32_t torn_samples = 16;
  uint32_t faults = 1;
  uint32_t fault_samples = 4;
  uint64_t seed = 1;
  std::vector<std::string> bugs;

  crash::EnumeratorOptions options() const;  // throws InputError for bad --modes
  // options(), also refusing what `tier` cannot run (exhaustive under QEMU).
  crash::EnumeratorOptions options_on(const tier::TierSpec& tier) const;
  SeededBugs seeded_bugs() const;            // throws InputError for an unknown --bug
  std::string replay_flags() const;          // the flags to repeat in a replay command
};

// The modes --modes accepts (crash::mode_enumerated), comma-separated.
std::string enumerated_mode_list();

void add_enumeration_flags(CLI::App* cmd, const std::shared_ptr<EnumerationFlags>& flags);

}  // namespace sc::cli

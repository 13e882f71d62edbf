// campaign_flags.h — the flags of `stablecut campaign` (with defaults and
// help text) and the CampaignOptions they make. Every flag's name is also
// the key of its value in the options stored with a campaign
// (injector/campaign/options_json.h), which --resume relies on.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "injector/campaign/campaign.h"
#include "injector/cli/enumeration_flags.h"
#include "injector/tier/tier_spec.h"

namespace sc::cli {

struct CampaignFlags {
  std::string duration;
  std::optional<double> progress_every;
  uint64_t max_states = UINT64_MAX;
  std::optional<uint64_t> states_per_workload;
  uint64_t workloads = UINT64_MAX;
  unsigned jobs = 1;
  std::string manager;
  std::string corpus = STABLECUT_SHIPPED_CORPUS;  // this checkout's corpus, wherever the command runs
  std::string db = "results/stablecut.db";
  std::string cases_dir;
  std::string name = "default";
  std::string shard = "0/1";
  bool resume = false;
  std::optional<std::int64_t> campaign_id;
  bool no_minimize = false;
  bool no_memo = false;
  bool steer = false;
};

void add_campaign_flags(CLI::App* cmd, const std::shared_ptr<CampaignFlags>& flags,
                        const std::shared_ptr<EnumerationFlags>& enumeration,
                        const std::shared_ptr<tier::TierSpec>& tier);

// The options of a new campaign (paths made absolute). Throws InputError
// for a bad --shard, --duration, --modes or --bug.
campaign::CampaignOptions to_options(const CampaignFlags& f, const EnumerationFlags& e, const tier::TierSpec& t);

}  // namespace sc::cli

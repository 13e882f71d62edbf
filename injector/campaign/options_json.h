// options_json.h — a campaign's options as stored with it in the results
// database (campaign.options), so `campaign --resume` continues with them.
// Interface: options_to_json(o) gives a JSON object keyed by the campaign
// command's flag names ("tier", "corpus", "seed", "modes", "bug", ...);
// options_from_json(j, where) reads one back; kBindingOptions and
// kRunOptions split the keys into those that decide what the campaign
// computes (a resumed run must keep them) and those a resumed run may change
// (injector/cli/campaign_resume.cpp takes these from the flags given).
// The seed is stored exactly for every JSON reader: a number up to 2^53, its
// decimal text above (SQLite's json_extract reads bigger numbers as floats).
// Invariants: options_from_json(options_to_json(o)) equals o in every stored
// field (db_path, resume_id, command_line and version are not stored); a
// malformed value — or one the flag would refuse (option_ranges.h: say
// states-per-workload 0), or tier qemu in a build without the QEMU tier — is
// a one-line InputError naming `where` and the key; absent limits
// (max-states, states-per-workload, workloads, duration) mean none.
#pragma once
#include <array>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "injector/campaign/campaign.h"

namespace sc::campaign {

inline constexpr std::array<const char*, 18> kBindingOptions = {
    "tier",  "name",    "corpus",       "manager", "seed",          "shard",        "max-states",
    "states-per-workload", "workloads", "modes",   "runs-per-cut",  "k",            "samples",
    "torn-samples", "faults", "fault-samples", "bug", "no-minimize"};
inline constexpr std::array<const char*, 4> kRunOptions = {"duration", "jobs", "timeout", "cases-dir"};

nlohmann::json options_to_json(const CampaignOptions& o);
// The names of the crash-state modes `e` enumerates, as --modes takes them.
std::vector<std::string> mode_names(const crash::EnumeratorOptions& e);
CampaignOptions options_from_json(const nlohmann::json& j, const std::string& where);

}  // namespace sc::campaign

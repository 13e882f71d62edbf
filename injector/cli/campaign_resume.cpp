// campaign_resume.cpp — see campaign_resume.h.
#include "injector/cli/campaign_resume.h"

#include "injector/campaign/options_json.h"
#include "injector/campaign/resume.h"
#include "injector/common/input_error.h"

namespace sc::cli {

namespace {

bool given(const CLI::App& cmd, const std::string& key) { return cmd.get_option("--" + key)->count() > 0; }

// A value as the flag would be written: none, 5, prefix, or a,b for a list.
std::string text(const nlohmann::json& v) {
  if (v.is_null()) return "none";
  if (v.is_string()) return v.get<std::string>();
  if (!v.is_array()) return v.dump();
  std::string list;
  for (const auto& item : v) list += (list.empty() ? "" : ",") + text(item);
  return list.empty() ? "none" : list;
}

results::ResumeFilter filter_of(const CLI::App& cmd, const CampaignFlags& f) {
  results::ResumeFilter filter;
  if (given(cmd, "name")) filter.name = f.name;
  if (given(cmd, "shard")) {
    const auto [index, count] = campaign::parse_shard(f.shard);
    filter.shard_index = index;
    filter.shard_count = count;
  }
  return filter;
}

void check_agrees(const CLI::App& cmd, const nlohmann::json& fresh, const nlohmann::json& stored, std::int64_t id) {
  for (const char* key : campaign::kBindingOptions) {
    if (!given(cmd, key)) continue;
    const nlohmann::json now = fresh.contains(key) ? fresh[key] : nlohmann::json();
    const nlohmann::json then = stored.contains(key) ? stored[key] : nlohmann::json();
    if (text(now) != text(then))  // as the flags are written: a seed 7 and "7" agree
      throw InputError("--resume: --" + std::string(key) + " " + text(now) + " contradicts campaign " +
                       std::to_string(id) + "'s stored " + text(then) + "; drop the flag to keep the stored value");
  }
}

}  // namespace

campaign::CampaignOptions resume_options(const CLI::App& cmd, const CampaignFlags& f, const EnumerationFlags& e,
                                         const tier::TierSpec& t) {
  const campaign::ResumeTarget target = campaign::find_resume_target(f.db, f.campaign_id, filter_of(cmd, f));
  campaign::CampaignOptions fresh = to_options(f, e, t);
  fresh.resume_id = target.campaign.id;
  if (!target.stored) return fresh;
  const nlohmann::json given_json = campaign::options_to_json(fresh);
  const std::string where = f.db + ": campaign " + std::to_string(target.campaign.id);
  // Stored as this build reads them: a key stored only since a later version has its default.
  check_agrees(cmd, given_json, campaign::options_to_json(campaign::options_from_json(*target.stored, where)),
               target.campaign.id);
  nlohmann::json merged = *target.stored;
  for (const char* key : campaign::kRunOptions)
    if (given(cmd, key)) merged[key] = given_json.at(key);
  campaign::CampaignOptions o = campaign::options_from_json(merged, where);
  o.resume_id = target.campaign.id;
  o.db_path = f.db;
  o.tier.kernel = t.kernel;
  o.tier.plugin = t.plugin;
  o.command_line = target.campaign.spec.command_line;
  o.version = fresh.version;
  o.memoise = fresh.memoise;
  o.progress_every_s = fresh.progress_every_s;
  return o;
}

}  // namespace sc::cli

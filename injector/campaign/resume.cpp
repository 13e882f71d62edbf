// resume.cpp — see resume.h.
#include "injector/campaign/resume.h"

#include <filesystem>

#include "injector/campaign/options_json.h"
#include "injector/common/input_error.h"

namespace sc::campaign {

namespace {

std::string describe(const results::ResumeFilter& f) {
  std::string s = "an unfinished campaign";
  if (f.name) s += " named '" + *f.name + "'";
  if (f.shard_index) s += " (shard " + std::to_string(*f.shard_index) + "/" + std::to_string(*f.shard_count) + ")";
  return s;
}

results::Campaign find(const results::ResultsDb& db, std::optional<std::int64_t> id,
                       const results::ResumeFilter& filter) {
  if (!id) {
    auto found = db.find_resumable_campaign(filter);
    if (!found) throw InputError(db.path() + ": --resume: expected " + describe(filter));
    return *found;
  }
  const results::Campaign c = db.campaign(*id);
  if (c.status == results::CampaignStatus::finished)
    throw InputError(db.path() + ": --resume --campaign " + std::to_string(*id) +
                     ": the campaign is finished; expected an unfinished one");
  return c;
}

}  // namespace

ResumeTarget find_resume_target(const std::string& db_path, std::optional<std::int64_t> id,
                                const results::ResumeFilter& filter) {
  if (!std::filesystem::exists(db_path)) throw InputError(db_path + ": --resume: no such database");
  try {
    const results::ResultsDb db = results::ResultsDb::open(db_path, results::OpenMode::read_write);
    ResumeTarget t{find(db, id, filter), std::nullopt};
    if (!t.campaign.spec.options) return t;
    const std::string where = db_path + ": campaign " + std::to_string(t.campaign.id);
    t.stored = nlohmann::json::parse(*t.campaign.spec.options, nullptr, /*allow_exceptions=*/false);
    options_from_json(*t.stored, where);  // refuses stored options a resumed run could not use
    return t;
  } catch (const results::DbError& e) {
    throw InputError(e.what());
  }
}

}  // namespace sc::campaign

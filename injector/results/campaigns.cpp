// campaigns.cpp — campaign rows: begin, resume, finish, look up. A campaign's
// uuid (random, RFC 4122 version 4) is its identity across shard databases.
#include <fmt/format.h>

#include "decode.h"
#include "results_db.h"
#include "sqlite.h"
#include "uuid.h"

namespace sc::results {

namespace {

constexpr const char* kCampaignColumns =
    "id, uuid, status, finished_at, name, tier, manager, master_seed, shard_index, shard_count, started_at, "
    "command_line, version, options";

Campaign read_campaign(const Connection& conn, const Statement& st) {
  Campaign c;
  c.id = st.column_int(0);
  c.uuid = st.column_text(1);
  c.status = must(conn, parse_campaign_status(st.column_text(2)), st.column_text(2));
  c.finished_at = st.column_optional_int(3);
  c.spec.name = st.column_text(4);
  c.spec.tier = must(conn, parse_tier(st.column_text(5)), st.column_text(5));
  c.spec.manager = st.column_text(6);
  c.spec.master_seed = must(conn, parse_seed(st.column_text(7)), st.column_text(7));
  c.spec.shard_index = static_cast<std::uint32_t>(st.column_int(8));
  c.spec.shard_count = static_cast<std::uint32_t>(st.column_int(9));
  c.spec.started_at = st.column_int(10);
  c.spec.command_line = st.column_text(11);
  c.spec.version = st.column_text(12);
  c.spec.options = st.column_optional_text(13);
  return c;
}

}  // namespace

Campaign ResultsDb::begin_campaign(const CampaignSpec& spec) {
  Statement st(*conn_,
               "INSERT INTO campaign(uuid, status, name, tier, manager, master_seed, shard_index, shard_count, "
               "started_at, command_line, version, options) VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
               "RETURNING id");
  const std::string uuid = new_uuid();
  st.bind(1, uuid).bind(2, spec.name).bind(3, name(spec.tier)).bind(4, spec.manager);
  st.bind(5, format_seed(spec.master_seed)).bind(6, std::int64_t{spec.shard_index});
  st.bind(7, std::int64_t{spec.shard_count}).bind(8, spec.started_at).bind(9, spec.command_line);
  st.bind(10, spec.version).bind(11, spec.options);
  st.step();
  const std::int64_t id = st.column_int(0);
  st.reset();  // completes the INSERT's autocommit transaction
  return campaign(id);
}

std::optional<Campaign> ResultsDb::find_resumable_campaign(const ResumeFilter& filter) const {
  Statement st(*conn_, fmt::format("SELECT {} FROM campaign WHERE coalesce(name = ?1, true) "
                                   "AND coalesce(shard_index = ?2, true) AND coalesce(shard_count = ?3, true) "
                                   "AND status <> 'finished' ORDER BY started_at DESC, id DESC LIMIT 1",
                                   kCampaignColumns));
  auto as_int = [](std::optional<std::uint32_t> v) { return v ? std::optional<std::int64_t>(*v) : std::nullopt; };
  st.bind(1, filter.name).bind(2, as_int(filter.shard_index)).bind(3, as_int(filter.shard_count));
  if (!st.step()) return std::nullopt;
  return read_campaign(*conn_, st);
}

Campaign ResultsDb::resume_campaign(std::int64_t campaign_id) {
  campaign(campaign_id);
  Statement st(*conn_, "UPDATE campaign SET status = 'running', finished_at = NULL WHERE id = ?");
  st.bind(1, campaign_id).run();
  return campaign(campaign_id);
}

std::vector<std::string> ResultsDb::complete_workloads(std::int64_t campaign_id) const {
  campaign(campaign_id);
  Statement st(*conn_, "SELECT name FROM workload WHERE campaign_id = ? AND status = 'complete' ORDER BY name");
  st.bind(1, campaign_id);
  std::vector<std::string> names;
  while (st.step()) names.push_back(st.column_text(0));
  return names;
}

void ResultsDb::finish_campaign(std::int64_t campaign_id, CampaignStatus status, std::int64_t finished_at) {
  campaign(campaign_id);
  Statement st(*conn_, "UPDATE campaign SET status = ?, finished_at = ? WHERE id = ?");
  st.bind(1, name(status)).bind(2, finished_at).bind(3, campaign_id).run();
}

Campaign ResultsDb::campaign(std::int64_t campaign_id) const {
  Statement st(*conn_, fmt::format("SELECT {} FROM campaign WHERE id = ?", kCampaignColumns));
  st.bind(1, campaign_id);
  if (!st.step()) conn_->fail(fmt::format("no campaign with id {}", campaign_id));
  return read_campaign(*conn_, st);
}

std::optional<Campaign> ResultsDb::campaign_by_uuid(std::string_view uuid) const {
  Statement st(*conn_, fmt::format("SELECT {} FROM campaign WHERE uuid = ?", kCampaignColumns));
  st.bind(1, uuid);
  if (!st.step()) return std::nullopt;
  return read_campaign(*conn_, st);
}

std::vector<Campaign> ResultsDb::campaigns() const {
  Statement st(*conn_, fmt::format("SELECT {} FROM campaign ORDER BY id", kCampaignColumns));
  std::vector<Campaign> result;
  while (st.step()) result.push_back(read_campaign(*conn_, st));
  return result;
}

}  // namespace sc::results

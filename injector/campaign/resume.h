// resume.h — which campaign `campaign --resume` continues: the one named by
// id, else the newest unfinished one matching the filter (name, shard), and
// the options stored with it.
// Interface: find_resume_target(db_path, id, filter).
// Errors (InputError, one line naming the database): no database, no such
// campaign, a finished campaign, no unfinished campaign matching, stored
// options that options_from_json refuses. A campaign begun before options
// were stored (schema 2) comes back with `stored` empty: resume it with its
// flags.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "injector/campaign/campaign.h"
#include "injector/results/results_db.h"

namespace sc::campaign {

struct ResumeTarget {
  results::Campaign campaign;
  // The stored options as stored (options_json.h), already checked by
  // options_from_json; the caller compares the flags given again with them.
  std::optional<nlohmann::json> stored;
};

ResumeTarget find_resume_target(const std::string& db_path, std::optional<std::int64_t> id,
                                const results::ResumeFilter& filter);

}  // namespace sc::campaign

// failure_list.h — the failures `stablecut failures` lists: of a whole
// results database, or of one campaign.
// Interface: list_failures(db, campaign_id) gives each failure with the
// number of its sightings in the selection (crash states that hit it plus
// fuzz findings; with no campaign, failure.count) and the tier of its
// earliest sighting in the selection (none for a fuzzer-only failure), in
// the order they were first seen. Throws DbError for an unknown campaign.
// Invariant: a campaign's list holds exactly the failures it hit.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "results_db.h"

namespace sc::results {

struct ListedFailure {
  Failure failure;
  std::uint64_t count = 0;
  std::optional<Tier> tier;
};

std::vector<ListedFailure> list_failures(const ResultsDb& db, std::optional<std::int64_t> campaign_id);

}  // namespace sc::results

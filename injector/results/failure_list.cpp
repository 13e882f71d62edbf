// failure_list.cpp — see failure_list.h. One query picks the failures and
// their counts; each is then read by id (ResultsDb::failure).
#include "failure_list.h"

#include "sqlite.h"

namespace sc::results {

namespace {

// ?1 is the campaign id, or NULL for the whole database.
constexpr const char* kListSql =
    "SELECT f.id, CASE WHEN ?1 IS NULL THEN f.count ELSE "
    "(SELECT coalesce(sum(h.count), 0) FROM failure_hit h JOIN workload w ON w.id = h.workload_id "
    " WHERE h.failure_id = f.id AND w.campaign_id = ?1) + "
    "(SELECT count(*) FROM fuzz_finding z WHERE z.failure_id = f.id AND z.campaign_id = ?1) END AS sightings, "
    "(SELECT c.tier FROM failure_hit h JOIN workload w ON w.id = h.workload_id JOIN campaign c ON c.id = w.campaign_id "
    " WHERE h.failure_id = f.id AND (?1 IS NULL OR c.id = ?1) ORDER BY w.recorded_at, w.id LIMIT 1) "
    "FROM failure f WHERE ?1 IS NULL OR sightings > 0 ORDER BY f.first_seen, f.id";

}  // namespace

std::vector<ListedFailure> list_failures(const ResultsDb& db, std::optional<std::int64_t> campaign_id) {
  if (campaign_id) db.campaign(*campaign_id);
  Statement st(db.connection(), kListSql);
  st.bind(1, campaign_id);
  std::vector<ListedFailure> out;
  while (st.step()) {
    ListedFailure l;
    l.failure.id = st.column_int(0);
    l.count = static_cast<std::uint64_t>(st.column_int(1));
    if (const auto tier = st.column_optional_text(2)) l.tier = parse_tier(*tier);
    out.push_back(std::move(l));
  }
  for (auto& l : out) l.failure = db.failure(l.failure.id);
  return out;
}

}  // namespace sc::results

// campaign_counts.cpp — see campaign_counts.h.
#include "campaign_counts.h"

#include <regex>

#include "process.h"

namespace sc::campaign::testing {

namespace {

// The counts of the last match of `pattern` (two groups) in `text`.
CampaignCounts last_match(const std::string& text, const std::regex& pattern) {
  CampaignCounts c;
  for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it)
    c = CampaignCounts{std::stoll((*it)[1]), std::stoll((*it)[2])};
  return c;
}

}  // namespace

std::ostream& operator<<(std::ostream& os, const CampaignCounts& c) {
  return os << c.workloads << " workloads, " << c.states << " states";
}

CampaignCounts summary_counts(const std::string& out) {
  return last_match(out, std::regex(R"(: (\d+) workloads[^,\n]*, (\d+) crash states in)"));
}

CampaignCounts last_progress_counts(const std::string& err) {
  return last_match(err, std::regex(R"(campaign \d\d:\d\d:\d\d \| (\d+) workloads \| (\d+) states \|)"));
}

CampaignCounts database_counts(const std::string& db) {
  return CampaignCounts{sql_int(db, "SELECT count(*) FROM workload"),
                        sql_int(db, "SELECT coalesce(sum(states), 0) FROM outcome_count")};
}

}  // namespace sc::campaign::testing

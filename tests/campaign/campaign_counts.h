// campaign_counts.h — test helpers that read a campaign's workload and
// crash-state counts three ways: from its summary on stdout, from its last
// progress line on stderr, and from its database; the three must agree.
// Each returns {-1, -1} when the text holds no such line.
#pragma once
#include <cstdint>
#include <ostream>
#include <string>

namespace sc::campaign::testing {

struct CampaignCounts {
  std::int64_t workloads = -1;
  std::int64_t states = -1;
  bool operator==(const CampaignCounts&) const = default;
};

std::ostream& operator<<(std::ostream& os, const CampaignCounts& c);

// "campaign 1 (...) finished: 1 workloads (1 cut short by the deadline), 51234 crash states in ..."
CampaignCounts summary_counts(const std::string& out);
// The last "campaign 00:00:03 | 1 workloads | 51234 states | ..."
CampaignCounts last_progress_counts(const std::string& err);
// Workload rows, and crash states summed over outcome_count.
CampaignCounts database_counts(const std::string& db);

}  // namespace sc::campaign::testing

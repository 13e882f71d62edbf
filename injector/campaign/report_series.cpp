// report_series.cpp — the report's series over time (see report.h), one per
// campaign among the newest kReportCampaignLines that committed a workload;
// t is seconds from the campaign's start to a workload's commit.
//   throughput: workloads bucketed by t into at most kMaxBuckets buckets of a
//     round width; a bucket's rate is its crash states over its workloads'
//     record + enumerate + check seconds (per worker, so --jobs and commit
//     bursts do not make a sawtooth of it);
//   discovery: distinct failure signatures hit by the campaign so far, a step
//     at each first hit, from (0, 0) to the campaign's last commit.
#include <array>
#include <map>
#include <set>

#include "injector/campaign/report.h"
#include "injector/results/sqlite.h"

namespace sc::campaign {

namespace {

using results::Statement;

constexpr std::int64_t kMaxBuckets = 40;
constexpr std::array<std::int64_t, 16> kBucketWidths = {1,   2,   5,    10,   15,   30,   60,    120,
                                                        300, 600, 900, 1800, 3600, 7200, 14400, 28800};

// The newest campaigns' ids, as an SQL list for `IN (...)`.
std::string newest_campaigns(const results::ResultsDb& db) {
  Statement st(db.connection(), "SELECT id FROM campaign ORDER BY started_at DESC, id DESC LIMIT ?");
  st.bind(1, std::int64_t{kReportCampaignLines});
  std::string ids;
  while (st.step()) ids += (ids.empty() ? "" : ",") + std::to_string(st.column_int(0));
  return "(" + ids + ")";
}

std::int64_t bucket_width(std::int64_t span_s) {
  for (const std::int64_t w : kBucketWidths)
    if (span_s / w + 1 <= kMaxBuckets) return w;
  return span_s / kMaxBuckets + 1;
}

struct Commit {
  std::int64_t t = 0;
  std::int64_t states = 0;
  double work_s = 0;
};

nlohmann::json bucketed(std::int64_t campaign, const std::vector<Commit>& commits) {
  const std::int64_t width = bucket_width(commits.back().t);
  std::map<std::int64_t, std::pair<std::int64_t, double>> buckets;  // index -> (states, work_s)
  for (const Commit& c : commits) {
    auto& b = buckets[c.t / width];
    b.first += c.states;
    b.second += c.work_s;
  }
  nlohmann::json points = nlohmann::json::array();
  for (const auto& [index, b] : buckets)
    if (b.second > 0)
      points.push_back({{"t", static_cast<double>(index * width) + static_cast<double>(width) / 2},
                        {"rate", static_cast<double>(b.first) / b.second}});
  return {{"campaign", campaign}, {"bucket_s", width}, {"points", points}};
}

}  // namespace

nlohmann::json throughput_series(const results::ResultsDb& db) {
  Statement st(db.connection(),
               "SELECT c.id, max(0, w.recorded_at - c.started_at),"
               " (SELECT coalesce(sum(oc.states), 0) FROM outcome_count oc WHERE oc.workload_id = w.id),"
               " w.record_s + w.enumerate_s + w.check_s FROM workload w JOIN campaign c ON c.id = w.campaign_id "
               "WHERE c.id IN " + newest_campaigns(db) + " ORDER BY c.started_at, c.id, 2, w.id");
  nlohmann::json out = nlohmann::json::array();
  std::int64_t current = -1;
  std::vector<Commit> commits;
  auto flush = [&] {
    if (!commits.empty()) out.push_back(bucketed(current, commits));
    commits.clear();
  };
  while (st.step()) {
    if (st.column_int(0) != current) flush();
    current = st.column_int(0);
    commits.push_back({st.column_int(1), st.column_int(2), st.column_double(3)});
  }
  flush();
  return out;
}

nlohmann::json discovery_series(const results::ResultsDb& db) {
  const std::string among = newest_campaigns(db);
  Statement ends(db.connection(),
                 "SELECT c.id, max(0, max(w.recorded_at) - c.started_at) FROM campaign c "
                 "JOIN workload w ON w.campaign_id = c.id WHERE c.id IN " + among +
                 " GROUP BY c.id ORDER BY c.started_at, c.id");
  Statement hits(db.connection(),
                 "SELECT w.campaign_id, max(0, w.recorded_at - c.started_at), h.failure_id FROM failure_hit h "
                 "JOIN workload w ON w.id = h.workload_id JOIN campaign c ON c.id = w.campaign_id "
                 "WHERE c.id IN " + among + " ORDER BY w.campaign_id, 2, w.id");
  std::map<std::int64_t, nlohmann::json> points;  // campaign -> points
  std::map<std::int64_t, std::set<std::int64_t>> seen;
  while (hits.step()) {
    auto& s = seen[hits.column_int(0)];
    if (!s.insert(hits.column_int(2)).second) continue;
    points[hits.column_int(0)].push_back({{"t", hits.column_int(1)}, {"signatures", s.size()}});
  }
  nlohmann::json out = nlohmann::json::array();
  while (ends.step()) {
    const std::int64_t id = ends.column_int(0);
    nlohmann::json series = nlohmann::json::array({{{"t", 0}, {"signatures", 0}}});
    for (const auto& p : points[id]) series.push_back(p);
    series.push_back({{"t", ends.column_int(1)}, {"signatures", seen[id].size()}});
    out.push_back({{"campaign", id}, {"points", series}});
  }
  return out;
}

}  // namespace sc::campaign

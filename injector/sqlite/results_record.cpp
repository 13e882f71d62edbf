// results_record.cpp — see results_record.h.
#include "injector/sqlite/results_record.h"

#include <fmt/format.h>

#include "injector/results/results_db.h"

namespace sc::sqlite {

namespace {

std::string workload_name(const Settings& s) { return "sqlite:" + settings_name(s); }

std::string workload_json(const Settings& s) {
  return fmt::format(R"({{"name":"{}","managers":[{{"program":"{}"}}],"sqlite":{{"journal":"{}",)"
                     R"("synchronous":"{}","transactions":{},"seed":{}}}}})",
                     workload_name(s), workload_name(s), journal_name(s.journal), synchronous_name(s.synchronous),
                     s.transactions, s.seed);
}

std::vector<results::OutcomeCount> outcome_counts(const SqliteExploreResult& r) {
  std::vector<results::OutcomeCount> out;
  const double per_state_us = r.states ? r.seconds * 1e6 / static_cast<double>(r.states) : 0;
  for (size_t o = 0; o < kOutcomeCount; ++o)
    for (size_t k = 0; k < crash::kModeCount; ++k)
      if (const uint64_t n = r.counts[o][k])
        out.push_back({Phase::RUN, static_cast<crash::Mode>(k), static_cast<Outcome>(o), n,
                       static_cast<uint64_t>(per_state_us * static_cast<double>(n)), 0});
  return out;
}

}  // namespace

void record_results(const std::filesystem::path& db, const SqliteRecording& rec, const SqliteExploreResult& r,
                    const std::string& command_line, RunTimes times,
                    const std::function<std::string(const SqliteFailure&)>& replay_command) {
  auto results = results::ResultsDb::open(db, results::OpenMode::create);
  results::CampaignSpec spec;
  spec.name = workload_name(rec.settings);
  spec.manager = "sqlite";
  spec.master_seed = rec.settings.seed;
  spec.started_at = results::unix_now();
  spec.command_line = command_line;
  spec.version = "stablecut 0.1.0";
  const results::Campaign campaign = results.begin_campaign(spec);
  results::WorkloadRecord w;
  w.name = workload_name(rec.settings);
  w.origin.corpus_path = w.name;
  w.workload_json = workload_json(rec.settings);
  w.seed = rec.settings.seed;
  w.request_count = rec.trace.requests().size();
  w.record_s = times.record_s;
  w.check_s = times.check_s;
  w.recorded_at = results::unix_now();
  w.partial = r.stopped;
  w.counts = outcome_counts(r);
  for (const SqliteFailure& f : r.failures) {
    const results::Reproducer repro{"", rec.settings.seed, replay_command(f)};
    w.failures.push_back({w.name + " " + f.signature, Phase::RUN, f.verdict.outcome, r.signatures.at(f.signature), repro});
  }
  results.record_workload(campaign.id, w);
  results.finish_campaign(campaign.id, results::CampaignStatus::finished, results::unix_now());
}

}  // namespace sc::sqlite

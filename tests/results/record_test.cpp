// record_test.cpp — the campaign engine's API: one transaction per workload,
// failure deduplication, resume, fuzz findings, lookups by id.
#include <gtest/gtest.h>

#include "dataset.h"
#include "injector/results/sqlite.h"
#include "injector/results/stats.h"

namespace sc::results::testing {
namespace {

std::int64_t count_rows(const ResultsDb& db, const std::string& table) {
  Statement st(db.connection(), "SELECT count(*) FROM " + table);
  st.step();
  return st.column_int(0);
}

std::int64_t total_states(const ResultsDb& db) {
  return std::get<std::int64_t>(stats(db, StatsQuery{}).rows.at(0).at(0));
}

// Everything a workload's record touches, to compare before and after.
struct Snapshot {
  std::int64_t workloads, counts, states, hits, failures, total;
  std::uint64_t mix_count;
  bool operator==(const Snapshot&) const = default;
};

Snapshot snapshot(const ResultsDb& db) {
  return Snapshot{count_rows(db, "workload"), count_rows(db, "outcome_count"), count_rows(db, "crash_state"),
                  count_rows(db, "failure_hit"), count_rows(db, "failure"), total_states(db),
                  db.failure_by_signature(kMix)->count};
}

class ResultsRecord : public ::testing::Test {
 protected:
  TempDir dir;
  ResultsDb db = ResultsDb::open(dir.file("r.db"), OpenMode::create);
  Campaign campaign = db.begin_campaign(nightly_spec(0));
};

TEST_F(ResultsRecord, FailureMidRecordLeavesNothingOfTheWorkload) {
  db.record_workload(campaign.id, w1());
  const Snapshot before = snapshot(db);
  WorkloadRecord bad = w2();  // its kMix hit is upserted before the states fail
  bad.states.push_back(StateRow{77, Phase::FREEZE, StateKind::prefix, "k", Outcome::corrupt, 0, 1, "no-such", std::nullopt});
  EXPECT_THROW(db.record_workload(campaign.id, bad), DbError);
  EXPECT_EQ(snapshot(db), before);
  EXPECT_EQ(db.complete_workloads(campaign.id), std::vector<std::string>{"w1"});

  WorkloadRecord duplicate_count = w2();  // the schema refuses the second entry
  duplicate_count.counts.push_back(duplicate_count.counts.front());
  EXPECT_THROW(db.record_workload(campaign.id, duplicate_count), DbError);
  EXPECT_EQ(snapshot(db), before);

  db.record_workload(campaign.id, w2());
  EXPECT_EQ(db.complete_workloads(campaign.id), (std::vector<std::string>{"w1", "w2"}));
  EXPECT_EQ(total_states(db), 21 + 11);
}

TEST_F(ResultsRecord, RefusesInconsistentStates) {
  WorkloadRecord legal_with_signature = w1();
  legal_with_signature.states.back().signature = kMix;
  EXPECT_THROW(db.record_workload(campaign.id, legal_with_signature), DbError);
  db.record_workload(campaign.id, w1());
  try {
    db.record_workload(campaign.id, w1());
    ADD_FAILURE() << "recorded w1 twice";
  } catch (const DbError& e) {
    EXPECT_EQ(std::string(e.what()), db.path() + ": workload 'w1' is already recorded in campaign 1");
  }
  EXPECT_THROW(db.record_workload(999, w2()), DbError);
}

TEST_F(ResultsRecord, DeduplicatesFailuresBySignature) {
  WorkloadRecord a = w1();
  a.recorded_at = kDay2;
  WorkloadRecord earlier = w2();  // also hits kMix, recorded later but seen a day earlier
  earlier.recorded_at = kDay1;
  WorkloadRecord no_repro = w1();
  no_repro.name = "w1-again";
  no_repro.recorded_at = kDay2 + 100;
  no_repro.failures[0].reproducer.reset();
  db.record_workload(campaign.id, a);
  db.record_workload(campaign.id, earlier);
  db.record_workload(campaign.id, no_repro);

  const Failure mix = *db.failure_by_signature(kMix);
  EXPECT_EQ(mix.count, 2U + 1U + 2U);
  EXPECT_EQ(mix.first_seen, kDay1);
  EXPECT_EQ(mix.last_seen, kDay2 + 100);
  ASSERT_TRUE(mix.reproducer.has_value());
  EXPECT_EQ(mix.reproducer->trace_path, "results/traces/w2-mix.trace.json");  // the earliest sighting's
  EXPECT_EQ(mix.source, FailureSource::crash_state);
  EXPECT_EQ(mix.manager, "smm");
  EXPECT_EQ(mix.phase, Phase::ROOT_COPY);
  EXPECT_EQ(db.failures().size(), 2U);
  EXPECT_EQ(db.failures().front().signature, kMix);  // most frequent first
}

TEST_F(ResultsRecord, FuzzFindingsDeduplicate) {
  const std::int64_t id = db.record_fuzz_finding(finding(campaign.id));
  EXPECT_EQ(db.record_fuzz_finding(finding(campaign.id)), id);  // same input: no change
  FuzzFinding other = finding(std::nullopt);
  other.input_path = "results/fuzz/crash-0002";
  other.found_at = kDay1;
  EXPECT_EQ(db.record_fuzz_finding(other), id);
  const Failure f = db.failure(id);
  EXPECT_EQ(f.count, 2U);
  EXPECT_EQ(f.first_seen, kDay1);
  EXPECT_EQ(f.source, FailureSource::fuzzer);
  EXPECT_EQ(f.fuzz_engine, FuzzEngine::libfuzzer);
  EXPECT_EQ(f.fuzz_input, "results/fuzz/crash-0001");
  EXPECT_FALSE(f.phase.has_value());
  EXPECT_EQ(count_rows(db, "fuzz_finding"), 2);
}

TEST_F(ResultsRecord, ResumeListsCompleteWorkloads) {
  db.record_workload(campaign.id, w1());
  db.record_workload(campaign.id, w2());
  db.finish_campaign(campaign.id, CampaignStatus::interrupted, kDay2);
  const Campaign other_shard = db.begin_campaign(nightly_spec(1));
  EXPECT_EQ(db.find_resumable_campaign({})->id, other_shard.id);  // the newest of any name and shard
  EXPECT_EQ(db.find_resumable_campaign({std::nullopt, 0, std::nullopt})->id, campaign.id);
  EXPECT_FALSE(db.find_resumable_campaign({"weekly", std::nullopt, std::nullopt}).has_value());

  const auto found = db.find_resumable_campaign({"nightly", 0, 2});
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, campaign.id);
  EXPECT_EQ(found->uuid, campaign.uuid);
  EXPECT_EQ(found->status, CampaignStatus::interrupted);
  const Campaign resumed = db.resume_campaign(found->id);
  EXPECT_EQ(resumed.status, CampaignStatus::running);
  EXPECT_FALSE(resumed.finished_at.has_value());
  EXPECT_EQ(db.complete_workloads(resumed.id), (std::vector<std::string>{"w1", "w2"}));
  EXPECT_TRUE(db.complete_workloads(other_shard.id).empty());

  db.finish_campaign(campaign.id, CampaignStatus::finished, kDay2 + 5);
  EXPECT_FALSE(db.find_resumable_campaign({"nightly", 0, 2}).has_value());
  EXPECT_EQ(db.campaign(campaign.id).finished_at, kDay2 + 5);
}

TEST_F(ResultsRecord, CampaignRoundTrips) {
  const CampaignSpec spec = nightly_spec(0);
  EXPECT_EQ(campaign.spec.name, spec.name);
  EXPECT_EQ(campaign.spec.master_seed, spec.master_seed);
  EXPECT_EQ(campaign.spec.shard_count, 2U);
  EXPECT_EQ(campaign.spec.command_line, spec.command_line);
  EXPECT_EQ(campaign.spec.options, kNightlyOptions);
  EXPECT_FALSE(db.begin_campaign(qemu_spec()).spec.options.has_value());
  EXPECT_EQ(campaign.uuid.size(), 36U);
  EXPECT_NE(db.begin_campaign(spec).uuid, campaign.uuid);
}

TEST_F(ResultsRecord, CaseLookupAndUnknownIds) {
  db.record_workload(campaign.id, w1());
  const CrashCase c = db.crash_case(1);
  EXPECT_EQ(c.workload_name, "w1");
  EXPECT_EQ(c.cut_index, 30U);
  EXPECT_EQ(c.phase, Phase::ROOT_COPY);
  EXPECT_EQ(c.kind, StateKind::torn);
  EXPECT_EQ(c.outcome, Outcome::corrupt);
  EXPECT_EQ(c.master_seed, 0xabcdef0123456789ULL);
  EXPECT_EQ(c.workload_seed, w1().seed);
  EXPECT_EQ(c.failure_id, db.failure_by_signature(kMix)->id);
  EXPECT_EQ(c.image_fingerprint, 0xf00d0000U + 30);
  EXPECT_EQ(c.campaign_options, kNightlyOptions);
  EXPECT_FALSE(db.crash_case(3).failure_id.has_value());  // the sampled legal state

  auto message = [](auto&& call) {
    try {
      call();
    } catch (const DbError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message([&] { db.failure(42); }), db.path() + ": no failure with id 42");
  EXPECT_EQ(message([&] { db.crash_case(42); }), db.path() + ": no case with id 42");
  EXPECT_EQ(message([&] { db.campaign(42); }), db.path() + ": no campaign with id 42");
  EXPECT_FALSE(db.failure_by_signature("nope").has_value());
}

}  // namespace
}  // namespace sc::results::testing

// dataset.cpp — the hand-made dataset described in dataset.h.
#include "dataset.h"

namespace sc::results::testing {

namespace {

OutcomeCount count(Phase phase, StateKind kind, Outcome outcome, std::uint64_t states) {
  return OutcomeCount{phase, kind, outcome, states, states * 40, 0};
}

StateRow state(std::uint64_t cut, Phase phase, StateKind kind, Outcome outcome, const char* signature) {
  return StateRow{cut, phase, kind, "keep=" + std::to_string(cut), outcome, 1, 40, signature, 0xf00d0000 + cut};
}

// managers: the JSON list of the workload's managers.
WorkloadRecord workload(const std::string& name, std::int64_t day, const std::string& managers) {
  WorkloadRecord w;
  w.name = name;
  w.origin = Origin{OriginKind::corpus, "corpus/workloads/" + name + ".json", "", 0};
  w.workload_json = R"({"managers":)" + managers + R"(,"ops":["create","write","stabilise"]})";
  w.seed = 0xfeedface00000000ULL + static_cast<std::uint64_t>(day);
  w.request_count = 64;
  w.record_s = 0.5;
  w.enumerate_s = 0.25;
  w.check_s = 2.0;
  w.recorded_at = day;
  return w;
}

Reproducer reproducer(const std::string& name) {
  return Reproducer{"results/traces/" + name + ".trace.json", 0x1234, "stablecut replay results/traces/" + name};
}

}  // namespace

CampaignSpec nightly_spec(std::uint32_t shard) {
  return CampaignSpec{"nightly", Tier::inproc, "smm", 0xabcdef0123456789ULL, shard, 2,
                      kDay1 - 3600,  "stablecut campaign --shard " + std::to_string(shard) + "/2", "0.1.0",
                      kNightlyOptions};
}

CampaignSpec qemu_spec() {
  return CampaignSpec{"qemu-check", Tier::qemu, "pager", 7, 0, 1, kDay2 - 3600, "stablecut campaign --tier qemu",
                      "0.1.0", std::nullopt};  // as if begun before schema 3
}

WorkloadRecord w1() {
  WorkloadRecord w = workload("w1", kDay1, R"([{"name":"A","kind":"shadow"}])");
  w.counts = {count(Phase::RUN, StateKind::prefix, Outcome::ok_current, 10),
              count(Phase::SNAPSHOT, StateKind::prefix, Outcome::ok_previous, 4),
              count(Phase::ROOT_COPY, StateKind::torn, Outcome::corrupt, 2),
              count(Phase::ROOT_COPY, StateKind::reorder, Outcome::ok_current, 5)};
  w.failures = {FailureHit{kMix, Phase::ROOT_COPY, Outcome::corrupt, 2, reproducer("w1-mix")}};
  w.states = {state(30, Phase::ROOT_COPY, StateKind::torn, Outcome::corrupt, kMix),
              state(31, Phase::ROOT_COPY, StateKind::torn, Outcome::corrupt, kMix),
              state(3, Phase::RUN, StateKind::prefix, Outcome::ok_current, "")};
  return w;
}

// w2 is stored in workload format version 2 for J ("program") and version 1
// for the others ("kind"): stats group both by program.
WorkloadRecord w2() {
  WorkloadRecord w = workload(
      "w2", kDay2, R"([{"name":"J","program":"journal"},{"name":"A","kind":"shadow"},{"name":"B","kind":"shadow"}])");
  w.origin = Origin{OriginKind::mutation, "", "w1", 99};
  w.counts = {count(Phase::RUN, StateKind::prefix, Outcome::ok_current, 7),
              count(Phase::ROOT_COPY, StateKind::torn, Outcome::corrupt, 1),
              count(Phase::RECOVERY, StateKind::prefix, Outcome::lost, 3)};
  w.failures = {FailureHit{kMix, Phase::ROOT_COPY, Outcome::corrupt, 1, reproducer("w2-mix")},
                FailureHit{kMissing, Phase::RECOVERY, Outcome::lost, 3, reproducer("w2-missing")}};
  w.states = {state(12, Phase::ROOT_COPY, StateKind::torn, Outcome::corrupt, kMix),
              state(40, Phase::RECOVERY, StateKind::prefix, Outcome::lost, kMissing),
              state(41, Phase::RECOVERY, StateKind::prefix, Outcome::lost, kMissing),
              state(42, Phase::RECOVERY, StateKind::prefix, Outcome::lost, kMissing)};
  return w;
}

WorkloadRecord w3() {
  WorkloadRecord w = workload("w3", kDay2, R"([{"name":"A","kind":"shadow"},{"name":"O","kind":"ordinary"}])");
  w.counts = {count(Phase::RUN, StateKind::prefix, Outcome::ok_current, 20),
              count(Phase::DISCARD, StateKind::reorder, Outcome::hang, 1)};
  w.failures = {FailureHit{kHang, Phase::DISCARD, Outcome::hang, 1, std::nullopt}};
  w.states = {state(50, Phase::DISCARD, StateKind::reorder, Outcome::hang, kHang)};
  return w;
}

FuzzFinding finding(std::optional<std::int64_t> campaign_id) {
  return FuzzFinding{FuzzEngine::libfuzzer, "fuzz_trace_parser", "results/fuzz/crash-0001", "fuzz/trace_parser/oob",
                     kDay2, campaign_id, std::nullopt};
}

void record_shard_a(ResultsDb& db) {
  const Campaign c = db.begin_campaign(nightly_spec(0));
  db.record_workload(c.id, w1());
  db.finish_campaign(c.id, CampaignStatus::finished, kDay1 + 600);
}

void record_shard_b(ResultsDb& db) {
  const Campaign c = db.begin_campaign(nightly_spec(1));
  db.record_workload(c.id, w2());
  db.finish_campaign(c.id, CampaignStatus::finished, kDay2 + 600);
  const Campaign q = db.begin_campaign(qemu_spec());
  db.record_workload(q.id, w3());
  db.record_fuzz_finding(finding(q.id));
  db.finish_campaign(q.id, CampaignStatus::interrupted, kDay2 + 900);
}

void record_all(ResultsDb& db) {
  record_shard_a(db);
  record_shard_b(db);
}

}  // namespace sc::results::testing

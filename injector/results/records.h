// records.h — the plain values the results database stores and returns.
// Interface: enums with name()/parse_*() (the names are the strings stored in
// the database), and the structs passed to and returned by ResultsDb.
// Invariants: times are unix seconds (UTC); seeds are full u64 values (stored
// as "0x%016x" text); Phase is the kernel's sc::Phase.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "injector/vocab/crash_mode.h"
#include "injector/vocab/outcome.h"
#include "kernel/core/phase.h"

namespace sc::results {

// A crash state's kind and a recovery's outcome are the shared vocabulary
// (injector/vocab): the crash model's Mode and the oracle's Outcome.
using StateKind = crash::Mode;
using sc::Outcome;

enum class Tier { inproc, qemu };
enum class CampaignStatus { running, finished, interrupted };
enum class OriginKind { corpus, mutation };
enum class FailureSource { crash_state, fuzzer };
enum class FuzzEngine { libfuzzer, aflpp };

const char* name(Tier v);
const char* name(CampaignStatus v);
const char* name(OriginKind v);
const char* name(FailureSource v);
const char* name(FuzzEngine v);
inline const char* name(Phase v) { return phase_name(v); }
inline const char* name(StateKind v) { return crash::mode_name(v); }
inline const char* name(Outcome v) { return outcome_name(v); }

// Each parse_* returns nullopt for a name that name() never returns.
std::optional<Tier> parse_tier(std::string_view s);
std::optional<CampaignStatus> parse_campaign_status(std::string_view s);
inline std::optional<StateKind> parse_state_kind(std::string_view s) {
  StateKind k = StateKind::prefix;
  return crash::parse_mode(s, &k) ? std::optional<StateKind>(k) : std::nullopt;
}
using sc::parse_outcome;
std::optional<OriginKind> parse_origin_kind(std::string_view s);
std::optional<FailureSource> parse_failure_source(std::string_view s);
std::optional<FuzzEngine> parse_fuzz_engine(std::string_view s);
std::optional<Phase> parse_phase_name(std::string_view s);
using sc::is_legal;

std::string format_seed(std::uint64_t seed);                  // "0x%016x"
std::optional<std::uint64_t> parse_seed(std::string_view s);  // inverse of format_seed

// What the campaign engine knows when it starts a campaign.
struct CampaignSpec {
  std::string name;
  Tier tier = Tier::inproc;
  std::string manager;
  std::uint64_t master_seed = 0;
  std::uint32_t shard_index = 0;
  std::uint32_t shard_count = 1;
  std::int64_t started_at = 0;
  std::string command_line;
  std::string version;
  std::optional<std::string> options;  // JSON, keyed by flag name; none before schema 3
};

struct Campaign {
  std::int64_t id = 0;
  std::string uuid;  // identity across databases (merge)
  CampaignStatus status = CampaignStatus::running;
  std::optional<std::int64_t> finished_at;
  CampaignSpec spec;
};

struct Origin {
  OriginKind kind = OriginKind::corpus;
  std::string corpus_path;          // kind == corpus
  std::string parent_name;          // kind == mutation: the parent workload's name
  std::uint64_t mutation_seed = 0;  // kind == mutation
};

// Every checked crash state of one (phase, kind, outcome), summed.
struct OutcomeCount {
  Phase phase = Phase::RUN;
  StateKind kind = StateKind::prefix;
  Outcome outcome = Outcome::ok_current;
  std::uint64_t states = 0;  // entries with 0 states are not stored
  std::uint64_t check_us = 0;
  std::uint64_t fsck_violations = 0;
};

// One crash state kept individually: every illegal one, and sampled legal ones.
struct StateRow {
  std::uint64_t cut_index = 0;
  Phase phase = Phase::RUN;
  StateKind kind = StateKind::prefix;
  std::string state_key;  // the crash model's name of the state within the cut
  Outcome outcome = Outcome::ok_current;
  std::uint32_t fsck_violations = 0;
  std::uint64_t check_us = 0;
  std::string signature;  // illegal: a signature of the record's failures; legal: empty
  std::optional<std::uint64_t> image_fingerprint;  // of the crash image (injector/crash/sector_hash.h)
};

struct Reproducer {
  std::string trace_path;  // a trace file under results/
  std::uint64_t seed = 0;
  std::string replay_command;  // one line
};

// States of one workload that hit one deduplicated failure.
struct FailureHit {
  std::string signature;  // phase + outcome + manager + diff shape
  Phase phase = Phase::RUN;
  Outcome outcome = Outcome::lost;
  std::uint64_t count = 1;                // states of this workload that hit it, kept as rows or not
  std::optional<Reproducer> reproducer;  // the minimised one, if made
};

// Everything about one finished workload, recorded in one transaction.
struct WorkloadRecord {
  std::string name;  // unique within the campaign
  Origin origin;
  std::string workload_json;
  std::uint64_t seed = 0;
  std::uint64_t request_count = 0;
  double record_s = 0;
  double enumerate_s = 0;
  double check_s = 0;
  std::int64_t recorded_at = 0;
  bool partial = false;  // a deadline or stop ended its exploration early; counts hold what was checked
  std::vector<OutcomeCount> counts;
  std::vector<StateRow> states;
  std::vector<FailureHit> failures;
};

struct FuzzFinding {
  FuzzEngine engine = FuzzEngine::libfuzzer;
  std::string target;
  std::string input_path;
  std::string signature;
  std::int64_t found_at = 0;
  std::optional<std::int64_t> campaign_id;
  std::optional<Reproducer> reproducer;
};

struct Failure {
  std::int64_t id = 0;
  std::string signature;
  FailureSource source = FailureSource::crash_state;
  std::optional<Phase> phase;        // crash_state
  std::optional<Outcome> outcome;    // crash_state
  std::optional<std::string> manager;
  std::optional<FuzzEngine> fuzz_engine;  // fuzzer
  std::optional<std::string> fuzz_target;
  std::optional<std::string> fuzz_input;
  std::int64_t first_seen = 0;
  std::int64_t last_seen = 0;
  std::uint64_t count = 0;
  std::optional<Reproducer> reproducer;
};

// One kept crash state with what replaying it needs.
struct CrashCase {
  std::int64_t id = 0;
  std::int64_t campaign_id = 0;
  std::string workload_name;
  std::string workload_json;
  std::uint64_t workload_seed = 0;
  std::uint64_t master_seed = 0;
  Tier tier = Tier::inproc;
  std::string manager;
  std::uint64_t cut_index = 0;
  Phase phase = Phase::RUN;
  StateKind kind = StateKind::prefix;
  std::string state_key;
  Outcome outcome = Outcome::ok_current;
  std::uint32_t fsck_violations = 0;
  std::optional<std::int64_t> failure_id;
  std::optional<std::uint64_t> image_fingerprint;  // none for states kept before schema 3
  std::optional<std::string> campaign_options;     // the campaign's stored options (JSON)
};

}  // namespace sc::results

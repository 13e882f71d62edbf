// results_db.h — the results database of a campaign (DESIGN.md §6).
//
// Interface: ResultsDb::open(path, mode) creates, migrates or refuses a
// database; then the campaign engine calls begin_campaign (or
// find_resumable_campaign / campaign + resume_campaign + complete_workloads
// for --resume), record_workload once per finished workload,
// record_fuzz_finding, and finish_campaign. Lookups by id serve `replay` and
// reports.
//
// Invariants:
//   * record_workload is the commit point: one transaction writes the
//     workload row, its outcome counts, kept crash states, failure hits and
//     failure upserts, so a SIGKILL never leaves a half-recorded workload and
//     complete_workloads() is exactly the set of workloads recorded (a
//     partial one, cut short by a deadline, included: see schema.sql);
//   * a ResultsDb is one SQLite connection: use it from one thread at a time
//     (open one per thread; WAL lets readers run beside the writer);
//   * every error is a DbError "<path>: <what>" (one line);
//   * a file that is not a SQLite database, is truncated or corrupt, belongs
//     to another application, or has a newer schema than this build is
//     refused by open() and left untouched.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "error.h"
#include "records.h"

namespace sc::results {

class Connection;

// Which unfinished campaign --resume continues; an empty field matches any.
struct ResumeFilter {
  std::optional<std::string> name;
  std::optional<std::uint32_t> shard_index;
  std::optional<std::uint32_t> shard_count;
};

enum class OpenMode {
  create,      // create the file if missing; migrate to this build's schema
  read_write,  // the file must exist; migrate to this build's schema
  read_only,   // the file must exist and have exactly this build's schema
};

class ResultsDb {
 public:
  static ResultsDb open(const std::filesystem::path& path, OpenMode mode);
  ResultsDb(ResultsDb&&) noexcept;
  ResultsDb& operator=(ResultsDb&&) noexcept;
  ~ResultsDb();

  const std::string& path() const;
  std::int64_t schema_version() const;
  const Connection& connection() const { return *conn_; }

  // Campaigns. begin_campaign gives the campaign a fresh uuid, status running.
  Campaign begin_campaign(const CampaignSpec& spec);
  // The newest campaign matching the filter that is not finished.
  std::optional<Campaign> find_resumable_campaign(const ResumeFilter& filter) const;
  // Marks the campaign running again (finished_at cleared) and returns it.
  Campaign resume_campaign(std::int64_t campaign_id);
  // Names of the campaign's recorded workloads (partial ones included), sorted.
  std::vector<std::string> complete_workloads(std::int64_t campaign_id) const;
  void finish_campaign(std::int64_t campaign_id, CampaignStatus status, std::int64_t finished_at);
  Campaign campaign(std::int64_t campaign_id) const;  // unknown id: DbError
  std::optional<Campaign> campaign_by_uuid(std::string_view uuid) const;
  std::vector<Campaign> campaigns() const;  // by id

  // The commit point (see above). Returns the workload's id. Throws DbError,
  // with nothing recorded, if the campaign is unknown, the name is already
  // recorded in it, an illegal state names no failure of the record, a legal
  // state names one, or any constraint of the schema fails.
  std::int64_t record_workload(std::int64_t campaign_id, const WorkloadRecord& workload);
  // Records a fuzzer's crashing input and upserts its failure; returns the
  // failure id. Recording the same (engine, target, input) again changes nothing.
  std::int64_t record_fuzz_finding(const FuzzFinding& finding);

  // Lookups; an unknown id is a DbError "<path>: no failure with id N".
  Failure failure(std::int64_t failure_id) const;
  std::optional<Failure> failure_by_signature(std::string_view signature) const;
  std::vector<Failure> failures() const;  // most frequent first
  CrashCase crash_case(std::int64_t case_id) const;

 private:
  explicit ResultsDb(std::unique_ptr<Connection> conn);
  std::int64_t insert_workload_row(std::int64_t campaign_id, const WorkloadRecord& w);
  void insert_counts(std::int64_t workload_id, const std::vector<OutcomeCount>& counts);
  void insert_failures(std::int64_t workload_id, const std::string& manager, const WorkloadRecord& w);
  void insert_states(std::int64_t workload_id, const std::vector<StateRow>& states);

  std::unique_ptr<Connection> conn_;
};

// Runs PRAGMA integrity_check and foreign_key_check on the file. Returns
// true if both pass; otherwise false with the first problem (one line) in
// *problem. Never throws for a damaged file.
bool integrity_ok(const std::filesystem::path& path, std::string* problem = nullptr);

// Current time in unix seconds, for the *_at fields.
std::int64_t unix_now();

}  // namespace sc::results

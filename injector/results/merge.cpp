// merge.cpp — merge(): each input is ATTACHed as "src" to the output's
// connection and copied by the SQL steps below in one transaction. Temporary
// maps translate the input's ids into the output's: campaign by uuid,
// workload by (campaign, name), failure by signature, mutate run by its rows,
// detect run by uuid (or how it began), crash state by (workload, cut, kind, state_key).
#include "merge.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <array>
#include <string>

#include "db_uri.h"
#include "failure_sql.h"
#include "results_db.h"
#include "sqlite.h"

namespace sc::results {

namespace {

// Attaches a database read-only (db_uri.h) for the lifetime of the object.
class Attachment {
 public:
  Attachment(const Connection& conn, const std::filesystem::path& path) : conn_(conn) {
    Statement st(conn_, "ATTACH DATABASE ? AS src");
    st.bind(1, read_only_uri(path)).run();
  }
  ~Attachment() { sqlite3_exec(conn_.handle(), "DETACH DATABASE src", nullptr, nullptr, nullptr); }
  Attachment(const Attachment&) = delete;
  Attachment& operator=(const Attachment&) = delete;

 private:
  const Connection& conn_;
};

constexpr std::array<const char*, 4> kMapCampaignsAndWorkloads = {
    "CREATE TEMP TABLE campaign_map AS SELECT s.id AS src_id, m.id AS dst_id "
    "FROM src.campaign s JOIN main.campaign m ON m.uuid = s.uuid",
    "CREATE TEMP TABLE new_workload AS SELECT s.id AS src_id, cm.dst_id AS campaign_id, s.name AS name "
    "FROM src.workload s JOIN campaign_map cm ON cm.src_id = s.campaign_id "
    "WHERE NOT EXISTS (SELECT 1 FROM main.workload m WHERE m.campaign_id = cm.dst_id AND m.name = s.name)",
    "INSERT INTO main.workload(campaign_id, name, origin, corpus_path, parent_name, mutation_seed, workload_json, "
    "seed, request_count, record_s, enumerate_s, check_s, recorded_at, status, partial) "
    "SELECT nw.campaign_id, s.name, s.origin, s.corpus_path, s.parent_name, s.mutation_seed, s.workload_json, "
    "s.seed, s.request_count, s.record_s, s.enumerate_s, s.check_s, s.recorded_at, s.status, s.partial "
    "FROM src.workload s JOIN new_workload nw ON nw.src_id = s.id ORDER BY s.id",
    "CREATE TEMP TABLE workload_map AS SELECT nw.src_id AS src_id, m.id AS dst_id "
    "FROM new_workload nw JOIN main.workload m ON m.campaign_id = nw.campaign_id AND m.name = nw.name",
};

constexpr std::array<const char*, 6> kCopyRows = {
    "CREATE TEMP TABLE failure_map AS SELECT s.id AS src_id, m.id AS dst_id "
    "FROM src.failure s JOIN main.failure m ON m.signature = s.signature",
    "INSERT INTO main.outcome_count(workload_id, phase, kind, outcome, states, check_us, fsck_violations) "
    "SELECT wm.dst_id, s.phase, s.kind, s.outcome, s.states, s.check_us, s.fsck_violations "
    "FROM src.outcome_count s JOIN workload_map wm ON wm.src_id = s.workload_id",
    "INSERT INTO main.failure_hit(workload_id, failure_id, count) SELECT wm.dst_id, fm.dst_id, s.count "
    "FROM src.failure_hit s JOIN workload_map wm ON wm.src_id = s.workload_id "
    "JOIN failure_map fm ON fm.src_id = s.failure_id",
    "INSERT INTO main.crash_state(workload_id, cut_index, phase, kind, state_key, outcome, fsck_violations, "
    "check_us, failure_id, image_fingerprint) SELECT wm.dst_id, s.cut_index, s.phase, s.kind, s.state_key, "
    "s.outcome, s.fsck_violations, s.check_us, fm.dst_id, s.image_fingerprint FROM src.crash_state s "
    "JOIN workload_map wm ON wm.src_id = s.workload_id LEFT JOIN failure_map fm ON fm.src_id = s.failure_id "
    "ORDER BY s.id",
    "INSERT INTO main.fuzz_finding(campaign_id, engine, target, input_path, failure_id, first_seen) "
    "SELECT cm.dst_id, s.engine, s.target, s.input_path, fm.dst_id, s.first_seen FROM src.fuzz_finding s "
    "LEFT JOIN campaign_map cm ON cm.src_id = s.campaign_id JOIN failure_map fm ON fm.src_id = s.failure_id "
    "WHERE true ON CONFLICT(engine, target, input_path) DO UPDATE SET first_seen = min(first_seen, "
    "excluded.first_seen)",
    // Restores failure.count = SUM(failure_hit.count) + COUNT(fuzz_finding).
    "UPDATE main.failure SET count = "
    "(SELECT coalesce(sum(h.count), 0) FROM main.failure_hit h WHERE h.failure_id = failure.id) + "
    "(SELECT count(*) FROM main.fuzz_finding z WHERE z.failure_id = failure.id) "
    "WHERE id IN (SELECT dst_id FROM failure_map)",
};

// Coverage (coverage.h) is a union: shards of one campaign share its uuid,
// and an edge any of them hit is hit. Shards steer independently, so a
// generation number may come from several: the larger count is kept.
constexpr std::array<const char*, 2> kMergeCoverage = {
    "INSERT INTO main.coverage_edge(campaign_id, file, line, col, ordinal, hit, generation) SELECT cm.dst_id, "
    "s.file, s.line, s.col, s.ordinal, s.hit, s.generation FROM src.coverage_edge s JOIN campaign_map cm ON "
    "cm.src_id = s.campaign_id WHERE true ON CONFLICT(campaign_id, file, line, col, ordinal) DO UPDATE SET "
    "generation = CASE WHEN hit = 0 THEN excluded.generation WHEN excluded.hit = 0 THEN generation "
    "ELSE min(generation, excluded.generation) END, hit = max(hit, excluded.hit)",
    "INSERT INTO main.coverage_generation(campaign_id, generation, new_edges) SELECT cm.dst_id, s.generation, "
    "s.new_edges FROM src.coverage_generation s JOIN campaign_map cm ON cm.src_id = s.campaign_id WHERE true "
    "ON CONFLICT(campaign_id, generation) DO UPDATE SET new_edges = max(new_edges, excluded.new_edges)",
};

// A mutate run is identified by its rows (every column but id and run, in
// the order written; one transaction writes a whole run): kMutantRuns
// selects each run of the table appended with them as one JSON text.
constexpr const char* kMutantRuns =
    "SELECT DISTINCT run, json_group_array(json_array(started_at, target, operator, manager_id, stabilisation, "
    "call_ordinal, workload, verdict, states, seconds, seed, evidence, hint)) OVER (PARTITION BY run ORDER BY id "
    "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS content FROM ";

// The input's runs the output lacks, numbered after the output's last run
// (the output's runs compared are those that began as one of the input's).
std::string new_mutant_runs_sql() {
  return std::string("CREATE TEMP TABLE new_mutant_run AS SELECT s.run AS src_run, (SELECT coalesce(max(run), 0) "
                     "FROM main.mutant) + row_number() OVER (ORDER BY s.run) AS dst_run FROM (") +
         kMutantRuns + "src.mutant) s WHERE s.content NOT IN (SELECT content FROM (" + kMutantRuns +
         "main.mutant WHERE (started_at, seed) IN (SELECT started_at, seed FROM src.mutant)))";
}

constexpr const char* kCopyMutants =
    "INSERT INTO main.mutant(run, started_at, target, operator, manager_id, stabilisation, call_ordinal, workload, "
    "verdict, states, seconds, seed, evidence, hint) SELECT nr.dst_run, s.started_at, s.target, s.operator, "
    "s.manager_id, s.stabilisation, s.call_ordinal, s.workload, s.verdict, s.states, s.seconds, s.seed, s.evidence, "
    "s.hint FROM src.mutant s JOIN new_mutant_run nr ON nr.src_run = s.run ORDER BY s.run, s.id";

// A detect run is identified by its uuid, and one recorded before runs had
// a uuid (NULL) by how it began: the SQL condition "output run m is input
// run s". Input runs alike become one output run, which gains the results
// recorded since.
std::string same_detect_run(const std::string& m, const std::string& s) {
  std::string sql = m + ".uuid IS " + s + ".uuid";
  for (const char* column : {"tier", "budget_s", "master_seed", "started_at", "command_line", "version"})
    sql += fmt::format(" AND {0}.{2} = {1}.{2}", m, s, column);
  return sql;
}

std::string merge_detect_runs_sql() {
  return "INSERT INTO main.detect_run(tier, budget_s, master_seed, started_at, finished_at, command_line, version, "
         "uuid) SELECT tier, budget_s, master_seed, started_at, max(finished_at), command_line, version, uuid "
         "FROM src.detect_run s WHERE NOT EXISTS (SELECT 1 FROM main.detect_run m WHERE " +
         same_detect_run("m", "s") +
         ") GROUP BY uuid, tier, budget_s, master_seed, started_at, command_line, version ORDER BY min(id)";
}

// Maps runs and the results' first cases (the earliest output copy of the
// same state of the same workload); finished_at is the latest finish.
std::array<std::string, 3> map_detect_runs_sql() {
  return {
    "CREATE TEMP TABLE detect_run_map AS SELECT s.id AS src_id, min(m.id) AS dst_id, s.finished_at AS finished_at "
    "FROM src.detect_run s JOIN main.detect_run m ON " + same_detect_run("m", "s") + " GROUP BY s.id",
    "UPDATE main.detect_run SET finished_at = f.latest FROM (SELECT dst_id, max(finished_at) AS latest FROM "
    "detect_run_map GROUP BY dst_id) f "
    "WHERE detect_run.id = f.dst_id AND f.latest > coalesce(detect_run.finished_at, 0)",
    "CREATE TEMP TABLE case_map AS SELECT s.id AS src_id, min(d.id) AS dst_id FROM src.crash_state s "
    "JOIN src.workload sw ON sw.id = s.workload_id JOIN campaign_map cm ON cm.src_id = sw.campaign_id "
    "JOIN main.workload dw ON dw.campaign_id = cm.dst_id AND dw.name = sw.name "
    "JOIN main.crash_state d ON d.workload_id = dw.id AND d.cut_index = s.cut_index AND d.kind = s.kind "
    "AND d.state_key = s.state_key WHERE s.id IN (SELECT first_case_id FROM src.detect_result) GROUP BY s.id",
  };
}

// A result is identified by its run, bug and campaign (a bug's campaigns are its own).
constexpr const char* kCopyDetectResults =
    "INSERT INTO main.detect_result(run_id, bug, campaign_id, detected, seconds, states, illegal, first_case_id, "
    "phase, kind, outcome, replay_tier, replay_outcome, replay_legal, replay_agrees) SELECT rm.dst_id, s.bug, "
    "cm.dst_id, s.detected, s.seconds, s.states, s.illegal, km.dst_id, s.phase, s.kind, s.outcome, s.replay_tier, "
    "s.replay_outcome, s.replay_legal, s.replay_agrees FROM src.detect_result s "
    "JOIN detect_run_map rm ON rm.src_id = s.run_id JOIN campaign_map cm ON cm.src_id = s.campaign_id "
    "LEFT JOIN case_map km ON km.src_id = s.first_case_id WHERE NOT EXISTS (SELECT 1 FROM main.detect_result m "
    "WHERE m.run_id = rm.dst_id AND m.bug IS s.bug AND m.campaign_id = cm.dst_id) ORDER BY s.id";

// Status and finished_at follow the copy that finished last (a resumed shard).
constexpr const char* kMergeCampaigns =
    "INSERT INTO main.campaign(uuid, name, tier, manager, master_seed, shard_index, shard_count, started_at, "
    "finished_at, command_line, status, version, options) SELECT uuid, name, tier, manager, master_seed, "
    "shard_index, shard_count, started_at, finished_at, command_line, status, version, options FROM src.campaign "
    "WHERE true "
    "ON CONFLICT(uuid) DO UPDATE SET "
    "status = iif(excluded.finished_at IS NOT NULL AND (finished_at IS NULL OR excluded.finished_at > finished_at), "
    "excluded.status, status), "
    "finished_at = iif(excluded.finished_at IS NOT NULL AND (finished_at IS NULL OR excluded.finished_at > "
    "finished_at), excluded.finished_at, finished_at)";

constexpr const char* kMergeFailures =
    "INSERT INTO main.failure(signature, source, phase, outcome, manager, fuzz_engine, fuzz_target, fuzz_input, "
    "first_seen, last_seen, count, repro_trace, repro_seed, repro_command) SELECT signature, source, phase, "
    "outcome, manager, fuzz_engine, fuzz_target, fuzz_input, first_seen, last_seen, 0, repro_trace, repro_seed, "
    "repro_command FROM src.failure WHERE true";

std::int64_t count_of(const Connection& conn, const char* sql) {
  Statement st(conn, sql);
  st.step();
  return st.column_int(0);
}

void run_all(const Connection& conn, const auto& statements) {
  for (const auto& sql : statements) conn.exec(sql);
}

// Runs one INSERT; returns how many rows it added.
std::int64_t inserted(const Connection& conn, const std::string& sql) {
  conn.exec(sql);
  return count_of(conn, "SELECT changes()");
}

void merge_mutants(const Connection& conn, MergeReport* report) {
  conn.exec(new_mutant_runs_sql());
  report->mutate_runs_added += count_of(conn, "SELECT count(*) FROM new_mutant_run");
  conn.exec(kCopyMutants);
}

void merge_detect_runs(const Connection& conn, MergeReport* report) {
  report->detect_runs_added += inserted(conn, merge_detect_runs_sql());
  run_all(conn, map_detect_runs_sql());
  report->detect_results_added += inserted(conn, kCopyDetectResults);
}

void merge_one(const Connection& conn, const std::filesystem::path& input, MergeReport* report) {
  Attachment attached(conn, input);
  Transaction tx(conn);
  report->campaigns_added +=
      count_of(conn, "SELECT count(*) FROM src.campaign WHERE uuid NOT IN (SELECT uuid FROM main.campaign)");
  conn.exec(kMergeCampaigns);
  run_all(conn, kMapCampaignsAndWorkloads);
  const std::int64_t added = count_of(conn, "SELECT count(*) FROM new_workload");
  report->workloads_added += added;
  report->workloads_skipped += count_of(conn, "SELECT count(*) FROM src.workload") - added;
  report->fuzz_findings_added += count_of(
      conn, "SELECT count(*) FROM src.fuzz_finding s WHERE NOT EXISTS (SELECT 1 FROM main.fuzz_finding m "
            "WHERE m.engine = s.engine AND m.target = s.target AND m.input_path = s.input_path)");
  conn.exec(std::string(kMergeFailures) + kFailureUpsert);
  run_all(conn, kCopyRows);
  run_all(conn, kMergeCoverage);
  merge_mutants(conn, report);
  merge_detect_runs(conn, report);
  conn.exec("DROP TABLE temp.campaign_map; DROP TABLE temp.new_workload; DROP TABLE temp.workload_map; "
            "DROP TABLE temp.failure_map; DROP TABLE temp.new_mutant_run; DROP TABLE temp.detect_run_map; "
            "DROP TABLE temp.case_map");
  tx.commit();  // commit point of one input
}

// Refuses a damaged or foreign input, or the output itself, before the output is touched.
void check_inputs(const std::filesystem::path& out, const std::vector<std::filesystem::path>& inputs) {
  for (const auto& input : inputs) {
    std::error_code ec;
    if (std::filesystem::equivalent(out, input, ec)) throw DbError(input.string(), "cannot merge a database into itself");
    ResultsDb::open(input, OpenMode::read_only);
  }
}

MergeReport merge_all(const std::filesystem::path& out, const std::vector<std::filesystem::path>& inputs) {
  ResultsDb db = ResultsDb::open(out, OpenMode::create);
  MergeReport report;
  for (const auto& input : inputs) merge_one(db.connection(), input, &report);
  return report;
}

void remove_database_files(const std::filesystem::path& db) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(db.string() + suffix, ec);
}

}  // namespace

MergeReport merge(const std::filesystem::path& out, const std::vector<std::filesystem::path>& inputs) {
  check_inputs(out, inputs);
  const bool created = !std::filesystem::exists(out);
  try {
    return merge_all(out, inputs);
  } catch (...) {
    if (created) remove_database_files(out);
    throw;
  }
}

}  // namespace sc::results

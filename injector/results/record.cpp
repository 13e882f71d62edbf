// record.cpp — record_workload (THE commit point of a campaign: one
// transaction per finished workload) and record_fuzz_finding.
#include <fmt/format.h>

#include <limits>

#include "failure_sql.h"
#include "results_db.h"
#include "sqlite.h"

namespace sc::results {

namespace {

std::int64_t as_int(const Connection& conn, std::uint64_t value, const char* field) {
  if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
    conn.fail(fmt::format("{} {} does not fit in a signed 64-bit integer", field, value));
  return static_cast<std::int64_t>(value);
}

std::optional<std::string> text_if(bool present, std::string value) {
  return present ? std::optional<std::string>(std::move(value)) : std::nullopt;
}

void bind_reproducer(Statement& st, int first, const std::optional<Reproducer>& r) {
  st.bind(first, text_if(r.has_value(), r ? r->trace_path : ""));
  st.bind(first + 1, text_if(r.has_value(), r ? format_seed(r->seed) : ""));
  st.bind(first + 2, text_if(r.has_value(), r ? r->replay_command : ""));
}

void check_new_workload(const Connection& conn, std::int64_t campaign_id, const std::string& workload_name) {
  Statement st(conn, "SELECT 1 FROM workload WHERE campaign_id = ? AND name = ?");
  st.bind(1, campaign_id).bind(2, workload_name);
  if (st.step()) conn.fail(fmt::format("workload '{}' is already recorded in campaign {}", workload_name, campaign_id));
}

constexpr const char* kHitFailureId =
    "SELECT f.id FROM failure f JOIN failure_hit h ON h.failure_id = f.id WHERE h.workload_id = ? AND f.signature = ?";

// The id of the failure `signature` if this workload recorded a hit on it.
std::optional<std::int64_t> hit_failure_id(Statement& lookup, std::int64_t workload_id, const std::string& signature) {
  lookup.bind(1, workload_id).bind(2, signature);
  std::optional<std::int64_t> id;
  if (lookup.step()) id = lookup.column_int(0);
  lookup.reset();
  return id;
}

}  // namespace

std::int64_t ResultsDb::record_workload(std::int64_t campaign_id, const WorkloadRecord& w) {
  Transaction tx(*conn_);
  const std::string manager = campaign(campaign_id).spec.manager;
  check_new_workload(*conn_, campaign_id, w.name);
  const std::int64_t workload_id = insert_workload_row(campaign_id, w);
  insert_counts(workload_id, w.counts);
  insert_failures(workload_id, manager, w);
  insert_states(workload_id, w.states);
  tx.commit();  // COMMIT POINT: the workload, complete, becomes visible all at once.
  return workload_id;
}

std::int64_t ResultsDb::insert_workload_row(std::int64_t campaign_id, const WorkloadRecord& w) {
  const bool corpus = w.origin.kind == OriginKind::corpus;
  Statement st(*conn_,
               "INSERT INTO workload(campaign_id, name, origin, corpus_path, parent_name, mutation_seed, "
               "workload_json, seed, request_count, record_s, enumerate_s, check_s, recorded_at, status, partial) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'complete', ?) RETURNING id");
  st.bind(1, campaign_id).bind(2, w.name).bind(3, name(w.origin.kind));
  st.bind(4, text_if(corpus, w.origin.corpus_path)).bind(5, text_if(!corpus, w.origin.parent_name));
  st.bind(6, text_if(!corpus, format_seed(w.origin.mutation_seed)));
  st.bind(7, w.workload_json).bind(8, format_seed(w.seed));
  st.bind(9, as_int(*conn_, w.request_count, "request_count"));
  st.bind(10, w.record_s).bind(11, w.enumerate_s).bind(12, w.check_s).bind(13, w.recorded_at);
  st.bind(14, std::int64_t{w.partial ? 1 : 0});
  st.step();
  const std::int64_t id = st.column_int(0);
  st.reset();
  return id;
}

void ResultsDb::insert_counts(std::int64_t workload_id, const std::vector<OutcomeCount>& counts) {
  Statement st(*conn_,
               "INSERT INTO outcome_count(workload_id, phase, kind, outcome, states, check_us, fsck_violations) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const OutcomeCount& c : counts) {
    if (c.states == 0) continue;
    st.bind(1, workload_id).bind(2, name(c.phase)).bind(3, name(c.kind)).bind(4, name(c.outcome));
    st.bind(5, as_int(*conn_, c.states, "states")).bind(6, as_int(*conn_, c.check_us, "check_us"));
    st.bind(7, as_int(*conn_, c.fsck_violations, "fsck_violations"));
    st.run();
    st.reset();
  }
}

void ResultsDb::insert_failures(std::int64_t workload_id, const std::string& manager, const WorkloadRecord& w) {
  Statement upsert(*conn_, std::string("INSERT INTO failure(signature, source, phase, outcome, manager, first_seen, "
                                       "last_seen, count, repro_trace, repro_seed, repro_command) "
                                       "VALUES (?1, 'crash_state', ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?8, ?9)") +
                               kFailureUpsert + " RETURNING id");
  Statement hit(*conn_, "INSERT INTO failure_hit(workload_id, failure_id, count) VALUES (?, ?, ?)");
  for (const FailureHit& f : w.failures) {
    upsert.bind(1, f.signature).bind(2, name(f.phase)).bind(3, name(f.outcome)).bind(4, manager);
    upsert.bind(5, w.recorded_at).bind(6, as_int(*conn_, f.count, "failure count"));
    bind_reproducer(upsert, 7, f.reproducer);
    upsert.step();
    const std::int64_t failure_id = upsert.column_int(0);
    upsert.reset();
    hit.bind(1, workload_id).bind(2, failure_id).bind(3, as_int(*conn_, f.count, "failure count")).run();
    hit.reset();
  }
}

void ResultsDb::insert_states(std::int64_t workload_id, const std::vector<StateRow>& states) {
  Statement st(*conn_,
               "INSERT INTO crash_state(workload_id, cut_index, phase, kind, state_key, outcome, fsck_violations, "
               "check_us, failure_id, image_fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Statement lookup(*conn_, kHitFailureId);
  for (const StateRow& s : states) {
    std::optional<std::int64_t> failure_id;
    if (is_legal(s.outcome) && !s.signature.empty())
      conn_->fail(fmt::format("legal state at cut {} names failure '{}'", s.cut_index, s.signature));
    if (!is_legal(s.outcome)) {
      failure_id = hit_failure_id(lookup, workload_id, s.signature);
      if (!failure_id)
        conn_->fail(fmt::format("{} state at cut {} names '{}', not a failure of this workload", name(s.outcome),
                                s.cut_index, s.signature));
    }
    st.bind(1, workload_id).bind(2, as_int(*conn_, s.cut_index, "cut_index")).bind(3, name(s.phase));
    st.bind(4, name(s.kind)).bind(5, s.state_key).bind(6, name(s.outcome));
    st.bind(7, std::int64_t{s.fsck_violations}).bind(8, as_int(*conn_, s.check_us, "check_us")).bind(9, failure_id);
    st.bind(10, text_if(s.image_fingerprint.has_value(), format_seed(s.image_fingerprint.value_or(0))));
    st.run();
    st.reset();
  }
}

std::int64_t ResultsDb::record_fuzz_finding(const FuzzFinding& f) {
  Transaction tx(*conn_);
  if (f.campaign_id) campaign(*f.campaign_id);
  Statement known(*conn_, "SELECT failure_id FROM fuzz_finding WHERE engine = ? AND target = ? AND input_path = ?");
  known.bind(1, name(f.engine)).bind(2, f.target).bind(3, f.input_path);
  if (known.step()) return known.column_int(0);
  Statement upsert(*conn_, std::string("INSERT INTO failure(signature, source, fuzz_engine, fuzz_target, fuzz_input, "
                                       "first_seen, last_seen, count, repro_trace, repro_seed, repro_command) "
                                       "VALUES (?1, 'fuzzer', ?2, ?3, ?4, ?5, ?5, 1, ?6, ?7, ?8)") +
                               kFailureUpsert + " RETURNING id");
  upsert.bind(1, f.signature).bind(2, name(f.engine)).bind(3, f.target).bind(4, f.input_path).bind(5, f.found_at);
  bind_reproducer(upsert, 6, f.reproducer);
  upsert.step();
  const std::int64_t failure_id = upsert.column_int(0);
  upsert.reset();
  Statement insert(*conn_,
                   "INSERT INTO fuzz_finding(campaign_id, engine, target, input_path, failure_id, first_seen) "
                   "VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(1, f.campaign_id).bind(2, name(f.engine)).bind(3, f.target).bind(4, f.input_path);
  insert.bind(5, failure_id).bind(6, f.found_at).run();
  tx.commit();  // commit point of one fuzz finding
  return failure_id;
}

}  // namespace sc::results

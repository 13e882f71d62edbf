// detect_records.cpp — see detect_records.h.
#include "detect_records.h"

#include "decode.h"
#include "sqlite.h"
#include "uuid.h"

namespace sc::results {

namespace {

template <typename T>
std::optional<std::string> optional_name(const std::optional<T>& v) {
  return v ? std::optional<std::string>(name(*v)) : std::nullopt;
}

std::optional<std::int64_t> optional_flag(bool present, bool value) {
  return present ? std::optional<std::int64_t>(value ? 1 : 0) : std::nullopt;
}

template <typename T, typename Parse>
std::optional<T> optional_enum(const Connection& conn, const Statement& st, int column, Parse parse) {
  const auto text = st.column_optional_text(column);
  if (!text) return std::nullopt;
  return must(conn, parse(*text), *text);
}

std::optional<DetectReplay> read_replay(const Connection& conn, const Statement& st, int first) {
  const auto tier = optional_enum<Tier>(conn, st, first, parse_tier);
  if (!tier) return std::nullopt;
  return DetectReplay{*tier, must(conn, parse_outcome(st.column_text(first + 1)), st.column_text(first + 1)),
                      st.column_int(first + 2) != 0, st.column_int(first + 3) != 0};
}

}  // namespace

std::int64_t begin_detect_run(const ResultsDb& db, const DetectRunSpec& spec) {
  Statement st(db.connection(),
               "INSERT INTO detect_run(tier, budget_s, master_seed, started_at, command_line, version, uuid) "
               "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
  st.bind(1, name(spec.tier)).bind(2, spec.budget_s).bind(3, format_seed(spec.master_seed));
  st.bind(4, spec.started_at).bind(5, spec.command_line).bind(6, spec.version).bind(7, new_uuid());
  st.step();
  const std::int64_t id = st.column_int(0);
  st.reset();  // completes the INSERT's autocommit transaction
  return id;
}

void record_detect_result(const ResultsDb& db, std::int64_t run_id, const DetectResult& r) {
  Transaction tx(db.connection());
  Statement st(db.connection(),
               "INSERT INTO detect_result(run_id, bug, campaign_id, detected, seconds, states, illegal, first_case_id, "
               "phase, kind, outcome, replay_tier, replay_outcome, replay_legal, replay_agrees) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, run_id).bind(2, r.bug).bind(3, r.campaign_id).bind(4, std::int64_t{r.detected ? 1 : 0});
  st.bind(5, r.seconds).bind(6, static_cast<std::int64_t>(r.states)).bind(7, static_cast<std::int64_t>(r.illegal));
  st.bind(8, r.first_case_id).bind(9, optional_name(r.phase)).bind(10, optional_name(r.kind));
  st.bind(11, optional_name(r.outcome));
  const bool replayed = r.replay.has_value();
  st.bind(12, replayed ? std::optional<std::string>(name(r.replay->tier)) : std::nullopt);
  st.bind(13, replayed ? std::optional<std::string>(name(r.replay->outcome)) : std::nullopt);
  st.bind(14, optional_flag(replayed, replayed && r.replay->legal));
  st.bind(15, optional_flag(replayed, replayed && r.replay->agrees));
  st.run();
  tx.commit();  // the commit point of one bug's result
}

void finish_detect_run(const ResultsDb& db, std::int64_t run_id, std::int64_t finished_at) {
  Statement st(db.connection(), "UPDATE detect_run SET finished_at = ? WHERE id = ?");
  st.bind(1, finished_at).bind(2, run_id);
  st.run();
}

std::optional<std::int64_t> first_illegal_case(const ResultsDb& db, std::int64_t campaign_id,
                                               const std::string& workload) {
  Statement st(db.connection(),
               "SELECT s.id FROM crash_state s JOIN workload w ON w.id = s.workload_id "
               "WHERE w.campaign_id = ? AND w.name = ? AND s.failure_id IS NOT NULL ORDER BY s.id LIMIT 1");
  st.bind(1, campaign_id).bind(2, workload);
  if (!st.step()) return std::nullopt;
  return st.column_int(0);
}

std::vector<DetectResult> detect_results(const ResultsDb& db, std::int64_t run_id) {
  const Connection& conn = db.connection();
  Statement st(conn,
               "SELECT bug, campaign_id, detected, seconds, states, illegal, first_case_id, phase, kind, outcome, "
               "replay_tier, replay_outcome, replay_legal, replay_agrees FROM detect_result WHERE run_id = ? "
               "ORDER BY id");
  st.bind(1, run_id);
  std::vector<DetectResult> out;
  while (st.step()) {
    DetectResult r;
    r.bug = st.column_optional_text(0);
    r.campaign_id = st.column_int(1);
    r.detected = st.column_int(2) != 0;
    r.seconds = st.column_double(3);
    r.states = static_cast<std::uint64_t>(st.column_int(4));
    r.illegal = static_cast<std::uint64_t>(st.column_int(5));
    r.first_case_id = st.column_optional_int(6);
    r.phase = optional_enum<Phase>(conn, st, 7, parse_phase_name);
    r.kind = optional_enum<StateKind>(conn, st, 8, parse_state_kind);
    r.outcome = optional_enum<Outcome>(conn, st, 9, parse_outcome);
    r.replay = read_replay(conn, st, 10);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace sc::results

// lookup.cpp — failures and kept crash states by id, for `replay` and reports.
// An unknown id is a DbError "<path>: no failure with id N".
#include <fmt/format.h>

#include "decode.h"
#include "results_db.h"
#include "sqlite.h"

namespace sc::results {

namespace {

constexpr const char* kFailureColumns =
    "id, signature, source, phase, outcome, manager, fuzz_engine, fuzz_target, fuzz_input, first_seen, last_seen, "
    "count, repro_trace, repro_seed, repro_command";

template <typename T, typename Parse>
std::optional<T> optional_enum(const Connection& conn, const Statement& st, int column, Parse parse) {
  const auto text = st.column_optional_text(column);
  if (!text) return std::nullopt;
  return must(conn, parse(*text), *text);
}

std::optional<Reproducer> read_reproducer(const Connection& conn, const Statement& st, int first) {
  if (st.column_is_null(first)) return std::nullopt;
  const std::string seed = st.column_text(first + 1);
  return Reproducer{st.column_text(first), must(conn, parse_seed(seed), seed), st.column_text(first + 2)};
}

Failure read_failure(const Connection& conn, const Statement& st) {
  Failure f;
  f.id = st.column_int(0);
  f.signature = st.column_text(1);
  f.source = must(conn, parse_failure_source(st.column_text(2)), st.column_text(2));
  f.phase = optional_enum<Phase>(conn, st, 3, parse_phase_name);
  f.outcome = optional_enum<Outcome>(conn, st, 4, parse_outcome);
  f.manager = st.column_optional_text(5);
  f.fuzz_engine = optional_enum<FuzzEngine>(conn, st, 6, parse_fuzz_engine);
  f.fuzz_target = st.column_optional_text(7);
  f.fuzz_input = st.column_optional_text(8);
  f.first_seen = st.column_int(9);
  f.last_seen = st.column_int(10);
  f.count = static_cast<std::uint64_t>(st.column_int(11));
  f.reproducer = read_reproducer(conn, st, 12);
  return f;
}

CrashCase read_case(const Connection& conn, const Statement& st) {
  CrashCase c;
  c.id = st.column_int(0);
  c.campaign_id = st.column_int(1);
  c.workload_name = st.column_text(2);
  c.workload_json = st.column_text(3);
  c.workload_seed = must(conn, parse_seed(st.column_text(4)), st.column_text(4));
  c.master_seed = must(conn, parse_seed(st.column_text(5)), st.column_text(5));
  c.tier = must(conn, parse_tier(st.column_text(6)), st.column_text(6));
  c.manager = st.column_text(7);
  c.cut_index = static_cast<std::uint64_t>(st.column_int(8));
  c.phase = must(conn, parse_phase_name(st.column_text(9)), st.column_text(9));
  c.kind = must(conn, parse_state_kind(st.column_text(10)), st.column_text(10));
  c.state_key = st.column_text(11);
  c.outcome = must(conn, parse_outcome(st.column_text(12)), st.column_text(12));
  c.fsck_violations = static_cast<std::uint32_t>(st.column_int(13));
  c.failure_id = st.column_optional_int(14);
  if (const auto fp = st.column_optional_text(15)) c.image_fingerprint = must(conn, parse_seed(*fp), *fp);
  c.campaign_options = st.column_optional_text(16);
  return c;
}

}  // namespace

Failure ResultsDb::failure(std::int64_t failure_id) const {
  Statement st(*conn_, fmt::format("SELECT {} FROM failure WHERE id = ?", kFailureColumns));
  st.bind(1, failure_id);
  if (!st.step()) conn_->fail(fmt::format("no failure with id {}", failure_id));
  return read_failure(*conn_, st);
}

std::optional<Failure> ResultsDb::failure_by_signature(std::string_view signature) const {
  Statement st(*conn_, fmt::format("SELECT {} FROM failure WHERE signature = ?", kFailureColumns));
  st.bind(1, signature);
  if (!st.step()) return std::nullopt;
  return read_failure(*conn_, st);
}

std::vector<Failure> ResultsDb::failures() const {
  Statement st(*conn_, fmt::format("SELECT {} FROM failure ORDER BY count DESC, first_seen, id", kFailureColumns));
  std::vector<Failure> result;
  while (st.step()) result.push_back(read_failure(*conn_, st));
  return result;
}

CrashCase ResultsDb::crash_case(std::int64_t case_id) const {
  Statement st(*conn_,
               "SELECT s.id, c.id, w.name, w.workload_json, w.seed, c.master_seed, c.tier, c.manager, s.cut_index, "
               "s.phase, s.kind, s.state_key, s.outcome, s.fsck_violations, s.failure_id, s.image_fingerprint, "
               "c.options "
               "FROM crash_state s JOIN workload w ON w.id = s.workload_id JOIN campaign c ON c.id = w.campaign_id "
               "WHERE s.id = ?");
  st.bind(1, case_id);
  if (!st.step()) conn_->fail(fmt::format("no case with id {}", case_id));
  return read_case(*conn_, st);
}

}  // namespace sc::results

// cmd_sqlite.cpp — `stablecut sqlite`: holds the crash model against SQLite
// (issue #16, docs/sqlite.md). Records the seeded SQLite workload once
// through the crash-model VFS, enumerates its crash states with the same
// modes as for managers, reopens the database on each and judges it
// (injector/sqlite/image_check.h); prints a progress line on stderr, the
// table of outcome counts, and the first state of each failure with the
// command that replays it (--replay-state CUT:INDEX judges that one state
// again and prints its verdict). --db also records the run in the results
// database. Exit 0 if every state was legal, 1 if any was not, 2 on bad input.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

#include "injector/campaign/progress.h"
#include "injector/cli/commands.h"
#include "injector/cli/enumeration_flags.h"
#include "injector/tier/tier_spec.h"
#include "injector/cli/value_checks.h"
#include "injector/common/input_error.h"
#include "injector/common/plural.h"
#include "injector/sqlite/explore.h"
#include "injector/sqlite/results_record.h"
#include "injector/sqlite/workload_driver.h"

namespace sc::cli {

namespace {

struct SqliteFlags {
  std::string journal = "wal";
  std::string synchronous = "full";
  uint32_t transactions = 8;
  uint64_t max_states = UINT64_MAX;
  std::string db;
  std::string replay_state;
};

sqlite::Settings settings_of(const SqliteFlags& f, uint64_t seed) {
  const auto journal = sqlite::parse_journal(f.journal);
  if (!journal) throw InputError("--journal '" + f.journal + "': expected delete, truncate, persist, wal or off");
  const auto synchronous = sqlite::parse_synchronous(f.synchronous);
  if (!synchronous) throw InputError("--synchronous '" + f.synchronous + "': expected off, normal, full or extra");
  return sqlite::Settings{*journal, *synchronous, f.transactions, seed};
}

// "A:B", two whole numbers, or nullopt.
std::optional<std::pair<uint64_t, uint64_t>> parse_pair(const std::string& text) {
  const size_t colon = text.find(':');
  if (colon == std::string::npos) return std::nullopt;
  const auto a = parse_whole_number(text.substr(0, colon));
  const auto b = parse_whole_number(text.substr(colon + 1));
  if (!a || !b) return std::nullopt;
  return std::pair{*a, *b};
}

// CUT:INDEX, or CUT:INDEX@REQUEST:LANDS for a state of the run recorded
// again with that request failing (io-error).
sqlite::StateName parse_state_name(const std::string& text) {
  const size_t at = text.find('@');
  const auto state = parse_pair(text.substr(0, at));
  const auto fault = at == std::string::npos ? std::nullopt : parse_pair(text.substr(at + 1));
  if (!state || (at != std::string::npos && (!fault || fault->second > 1)))
    throw InputError("--replay-state '" + text +
                     "': expected CUT:INDEX (two whole numbers), or CUT:INDEX@REQUEST:LANDS with LANDS 0 or 1");
  sqlite::StateName name{static_cast<size_t>(state->first), static_cast<size_t>(state->second), std::nullopt};
  if (fault)
    name.io_error = crash::Fault{crash::Mode::io_error, static_cast<size_t>(fault->first), 0,
                                 static_cast<uint32_t>(fault->second)};
  return name;
}

std::string state_name_text(const sqlite::StateName& name) {
  if (!name.io_error) return fmt::format("{}:{}", name.cut, name.index);
  return fmt::format("{}:{}@{}:{}", name.cut, name.index, name.io_error->request, name.io_error->detail);
}

// The command that records the same run (without --db or --max-states).
std::string run_command(const SqliteFlags& f, const EnumerationFlags& e) {
  return fmt::format("stablecut sqlite --journal {} --synchronous {} --transactions {} --modes {} --k {} --samples {} "
                     "--torn-samples {} --faults {} --fault-samples {} --seed {}",
                     f.journal, f.synchronous, f.transactions, e.modes_on(tier::TierSpec{}), e.k, e.samples, e.torn_samples, e.faults,
                     e.fault_samples, e.seed);
}

std::string replay_command(const SqliteFlags& f, const EnumerationFlags& e, const sqlite::StateName& name) {
  return fmt::format("{} --replay-state {}", run_command(f, e), state_name_text(name));
}

std::string kept_summary(const crash::CrashState& s) {
  std::string out;
  for (const auto& k : s.kept)
    out += fmt::format("{}{}{}", out.empty() ? "" : ",", k.request, k.sector_mask == crash::kWholeWrite ? "" : "/torn");
  for (const auto& f : s.faults) out += fmt::format("{}{}@{}", out.empty() ? "" : ",", crash::mode_name(f.kind), f.request);
  return out.empty() ? "nothing in flight" : "kept " + out;
}

// SQLite's message on one line, at most 160 characters.
std::string one_line(const std::string& text) {
  std::string out = text.size() > 160 ? text.substr(0, 160) + "..." : text;
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

void print_verdict(const sqlite::SqliteFailure& f) {
  const std::string detail = one_line(f.verdict.detail);
  fmt::print("  state {} ({}, {}); legal: the table after commit {}..{}\n", state_name_text(f.name),
             crash::mode_name(f.state.kind), kept_summary(f.state), f.window.previous, f.window.current);
  fmt::print("  {}{}{}\n", outcome_name(f.verdict.outcome), f.verdict.why[0] ? std::string(": ") + f.verdict.why : "",
             detail.empty() ? "" : " (" + detail + ")");
}

bool kind_seen(const sqlite::SqliteExploreResult& r, size_t kind) {
  for (const auto& row : r.counts)
    if (row[kind] > 0) return true;
  return false;
}

// Outcome rows x crash-state-kind columns, only those with states.
void print_table(const sqlite::SqliteExploreResult& r) {
  fmt::print("{:<16}", "outcome");
  for (size_t k = 0; k < crash::kModeCount; ++k)
    if (kind_seen(r, k)) fmt::print("{:>16}", crash::kModeNames[k]);
  fmt::print("\n");
  for (size_t o = 0; o < kOutcomeCount; ++o) {
    uint64_t total = 0;
    for (uint64_t n : r.counts[o]) total += n;
    if (!total) continue;
    fmt::print("{:<16}", kOutcomeNames[o]);
    for (size_t k = 0; k < crash::kModeCount; ++k)
      if (kind_seen(r, k)) fmt::print("{:>16}", r.counts[o][k]);
    fmt::print("\n");
  }
}

int replay_one(const SqliteFlags& f, const EnumerationFlags& e, const sqlite::SqliteRecording& rec,
               const crash::EnumeratorOptions& options) {
  const sqlite::StateName name = parse_state_name(f.replay_state);
  if (name.io_error && name.io_error->request >= rec.trace.requests().size())
    throw InputError(fmt::format("--replay-state {}: the run sends only {} requests", f.replay_state,
                                 rec.trace.requests().size()));
  std::optional<sqlite::SqliteFailure> state;
  try {
    state = sqlite::find_state(rec, options, name);
  } catch (const std::runtime_error& e) {
    fmt::print("FINDING (while recording the faulted run): {}\n", e.what());
    return 1;
  }
  if (!state)
    throw InputError(fmt::format("--replay-state {}: the enumeration yields no state {} at cut {} of {}", f.replay_state,
                                 name.index, name.cut, rec.trace.cut_count()));
  print_verdict(*state);
  if (is_legal(state->verdict.outcome)) return 0;
  fmt::print("replay: {}\n", replay_command(f, e, name));
  return 1;
}

int run_sqlite(const SqliteFlags& f, const EnumerationFlags& e) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  const sqlite::Settings settings = settings_of(f, e.seed);
  const crash::EnumeratorOptions options = e.options();
  if (options.exhaustive)
    throw InputError("--modes exhaustive: managers only; sqlite takes prefix, reorder, torn and the storage faults");
  if (const auto call_fault = crash::call_fault_in(options.modes))
    throw InputError(fmt::format("--modes {}: managers only (it faults a manager's system call); sqlite takes "
                                 "prefix, reorder, torn and the storage faults",
                                 crash::mode_name(*call_fault)));
  if (!f.replay_state.empty()) parse_state_name(f.replay_state);
  const auto start = std::chrono::steady_clock::now();
  const sqlite::SqliteRecording rec = sqlite::record_workload(settings);
  const double record_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("sqlite {} (seed {}): {} ({} spilled before commit), {}, {} on the crash-model VFS\n",
             sqlite::settings_name(settings), settings.seed, counted(rec.spans.size(), "commit"),
             counted(rec.spills, "page"), counted(rec.checkpoints, "checkpoint"),
             counted(rec.trace.requests().size(), "disk request"));
  if (!f.replay_state.empty()) return replay_one(f, e, rec, options);

  campaign::ProgressLine line;
  ExploreProgress last{0, 0, 0, rec.trace.cut_count(), 0};
  const sqlite::SqliteExploreResult r = sqlite::explore_sqlite(rec, options, f.max_states, [&](const auto& p) {
    last = p;
    line.update(campaign::run_snapshot(p));
  });
  line.finish(campaign::run_snapshot({r.states, r.illegal, r.stopped ? last.cut : last.cuts, last.cuts, r.seconds}));
  fmt::print("checked {} in {:.2f} s ({}; {} skipped)\n", counted(r.states, "crash state"), r.seconds,
             r.stopped ? "stopped at --max-states" : "the whole enumeration", counted(r.duplicates, "duplicate image"));
  print_table(r);
  for (const std::string& finding : r.run_findings)
    fmt::print("FINDING (while recording a faulted run): {}\n", finding);
  for (const auto& failure : r.failures) {
    fmt::print("FINDING {} [{}]\n", failure.signature, counted(r.signatures.at(failure.signature), "state"));
    print_verdict(failure);
    fmt::print("  replay: {}\n", replay_command(f, e, failure.name));
  }
  if (!f.db.empty())
    sqlite::record_results(f.db, rec, r, run_command(f, e), {record_s, r.seconds},
                           [&](const sqlite::SqliteFailure& x) { return replay_command(f, e, x.name); });
  if (r.illegal > 0 || !r.run_findings.empty()) {
    fmt::print("{}, {}, {} (seed {})\n", counted(r.illegal, "illegal state"),
               counted(r.failures.size(), "distinct failure"), counted(r.run_findings.size(), "faulted run that went wrong"),
               settings.seed);
    return 1;
  }
  fmt::print("all {} recovered legally\n", counted(r.states, "crash state"));
  return 0;
}

}  // namespace

void add_sqlite(CLI::App& app, Action* action) {
  auto flags = std::make_shared<SqliteFlags>();
  auto enumeration = std::make_shared<EnumerationFlags>();
  CLI::App* cmd = app.add_subcommand(
      "sqlite", "Hold the crash model against SQLite: record a seeded transactional workload through a crash-model "
                "VFS, then check that every crash state reopens to a committed state");
  cmd->add_option("--journal", flags->journal, "journal_mode: delete, truncate, persist, wal or off")
      ->capture_default_str();
  cmd->add_option("--synchronous", flags->synchronous, "synchronous: off, normal, full or extra")->capture_default_str();
  cmd->add_option("--transactions", flags->transactions, "Workload transactions after the one creating the table")
      ->check(whole_number(1, 10000))
      ->capture_default_str();
  cmd->add_option("--max-states", flags->max_states, "Check at most this many crash states (the first ones)")
      ->check(whole_number(0, UINT64_MAX));
  cmd->add_option("--db", flags->db, "Also record the run in this results database (stablecut stats reads it)");
  cmd->add_option("--replay-state", flags->replay_state,
                  "Judge only the crash state CUT:INDEX (the INDEXth state enumerated at cut CUT; "
                  "CUT:INDEX@REQUEST:LANDS: of the run recorded again with REQUEST failing, io-error) and print its "
                  "verdict");
  add_enumeration_flags(cmd, enumeration);
  cmd->callback([flags, enumeration, action] {
    *action = [flags, enumeration] {
      if (!enumeration->bugs.empty()) throw InputError("--bug: seeded bugs are manager bugs; stablecut sqlite takes none");
      return run_sqlite(*flags, *enumeration);
    };
  });
}

}  // namespace sc::cli

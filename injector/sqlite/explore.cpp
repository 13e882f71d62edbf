// explore.cpp — see explore.h.
#include "injector/sqlite/explore.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <span>

#include "injector/check/io_error_explore.h"
#include "injector/check/prefix_states.h"
#include "injector/check/state_window.h"
#include "injector/sqlite/read_error_states.h"
#include "injector/sqlite/workload_driver.h"

namespace sc::sqlite {

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Walks the enumeration and, with read-error among the modes, the
// read-error states of each cut right after the enumerated states of that
// cut (read_error_states.h), naming each state by (cut, index within the cut).
class NamedStates {
 public:
  NamedStates(const SqliteRecording& rec, crash::EnumeratorOptions options)
      : states_(rec.trace, with_rechecks(rec, options)) {
    if (options.modes.test(static_cast<size_t>(crash::Mode::read_error)))
      read_errors_ = std::make_unique<ReadErrorStates>(rec, options.seed);
  }

  bool next() {
    if (!enumerated_loaded_ && !enumerated_done_) {
      enumerated_done_ = !states_.next();
      enumerated_loaded_ = !enumerated_done_;
    }
    const size_t bound = enumerated_done_ ? SIZE_MAX : states_.state().cut;
    from_read_errors_ = read_errors_ && read_errors_->next_below(bound);
    if (!from_read_errors_) {
      if (enumerated_done_) return false;
      enumerated_loaded_ = false;
    }
    const size_t cut = state().cut;
    name_ = StateName{cut, cut == name_.cut && started_ ? name_.index + 1 : 0, std::nullopt};
    started_ = true;
    return true;
  }
  const StateName& name() const { return name_; }
  const crash::CrashState& state() const { return from_read_errors_ ? read_errors_->state() : states_.state(); }
  crash::ImageView image() const { return from_read_errors_ ? read_errors_->image() : states_.image(); }
  uint64_t duplicates() const { return states_.counters().duplicates; }

 private:
  static crash::EnumeratorOptions with_rechecks(const SqliteRecording& rec, crash::EnumeratorOptions options) {
    options.recheck_from = window_changes(rec.spans);
    return options;
  }

  crash::CrashStateEnumerator states_;
  std::unique_ptr<ReadErrorStates> read_errors_;
  bool enumerated_loaded_ = false;  // states_ holds a state not yet named
  bool enumerated_done_ = false;
  bool from_read_errors_ = false;
  StateName name_;
  bool started_ = false;
};

SqliteFailure judged(const SqliteRecording& rec, const StateName& name, const crash::CrashState& state,
                     const crash::ImageView& image) {
  const LegalWindow window = legal_window_of(rec.spans, state);
  ImageVerdict verdict = check_image(image, state.faults, rec, window);
  std::string signature = is_legal(verdict.outcome) ? "" : failure_signature(verdict);
  return SqliteFailure{name, state, window, std::move(verdict), std::move(signature)};
}

// The prefix states of a run recorded with `fault`, from its request on,
// named (cut, index within the cut) with the fault.
class IoErrorStates {
 public:
  IoErrorStates(const SqliteRecording& faulted, const crash::Fault& fault, uint64_t seed)
      : fault_(fault), prefix_(faulted.trace, window_changes(faulted.spans), seed, fault.request, std::nullopt) {}

  bool next() {
    if (!prefix_.next()) return false;
    state_ = prefix_.state();
    state_.kind = crash::Mode::io_error;
    state_.faults = {fault_};
    name_ = StateName{state_.cut, started_ && state_.cut == name_.cut ? name_.index + 1 : 0, fault_};
    started_ = true;
    return true;
  }
  const StateName& name() const { return name_; }
  const crash::CrashState& state() const { return state_; }
  crash::ImageView image() const { return prefix_.image(); }

 private:
  crash::Fault fault_;
  PrefixStates prefix_;
  crash::CrashState state_;
  StateName name_;
  bool started_ = false;
};

// Counts a judged state; keeps the first of each signature.
void tally(SqliteFailure f, SqliteExploreResult* r) {
  ++r->states;
  ++r->counts[static_cast<size_t>(f.verdict.outcome)][static_cast<size_t>(f.state.kind)];
  if (f.signature.empty()) return;
  ++r->illegal;
  if (r->signatures[f.signature]++ == 0) r->failures.push_back(std::move(f));
}

class Progress {
 public:
  Progress(const std::function<void(const ExploreProgress&)>& report, size_t cuts)
      : report_(report), cuts_(cuts) {}
  void after(const SqliteExploreResult& r, size_t cut) {
    if (!report_ || since(last_) < 0.5) return;
    last_ = Clock::now();
    report_(ExploreProgress{r.states, r.illegal, cut, cuts_, since(start_)});
  }
  double seconds() const { return since(start_); }

 private:
  const std::function<void(const ExploreProgress&)>& report_;
  size_t cuts_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_;
};

bool asks(const crash::EnumeratorOptions& options, crash::Mode m) { return options.modes.test(static_cast<size_t>(m)); }

// The io-error pass (explore.h).
void explore_io_errors(const SqliteRecording& clean, const crash::EnumeratorOptions& options, uint64_t max_states,
                       Progress& progress, SqliteExploreResult* r) {
  // Not commit 1's requests: the statements that set the database up and
  // create the table are not a transaction the workload can abandon.
  const auto transactions = std::span(clean.spans).subspan(std::min<size_t>(1, clean.spans.size()));
  for (const crash::Fault& fault : draw_io_errors(clean.trace, transactions, options.seed)) {
    SqliteRecording faulted;
    try {
      faulted = record_workload(clean.settings, &fault);
    } catch (const std::runtime_error& e) {
      r->run_findings.push_back(fmt::format("with request {} failing: {}", fault.request, e.what()));
      continue;
    }
    for (IoErrorStates states(faulted, fault, options.seed); states.next();) {
      if (r->states == max_states) {
        r->stopped = true;
        return;
      }
      tally(judged(faulted, states.name(), states.state(), states.image()), r);
      progress.after(*r, states.state().cut);
    }
  }
}

std::optional<SqliteFailure> find_io_error_state(const SqliteRecording& clean, const crash::EnumeratorOptions& options,
                                                 const StateName& name) {
  const SqliteRecording faulted = record_workload(clean.settings, &*name.io_error);
  for (IoErrorStates states(faulted, *name.io_error, options.seed); states.next();) {
    if (states.name().cut > name.cut) break;
    if (states.name().cut == name.cut && states.name().index == name.index)
      return judged(faulted, states.name(), states.state(), states.image());
  }
  return std::nullopt;
}

}  // namespace

std::string failure_signature(const ImageVerdict& v) { return std::string(outcome_name(v.outcome)) + ": " + v.why; }

SqliteExploreResult explore_sqlite(const SqliteRecording& rec, crash::EnumeratorOptions options, uint64_t max_states,
                                   const std::function<void(const ExploreProgress&)>& progress) {
  SqliteExploreResult r;
  Progress report(progress, rec.trace.cut_count());
  NamedStates states(rec, options);
  while (states.next()) {
    if (r.states == max_states) {
      r.stopped = true;
      break;
    }
    tally(judged(rec, states.name(), states.state(), states.image()), &r);
    report.after(r, states.state().cut);
  }
  r.duplicates = states.duplicates();
  if (asks(options, crash::Mode::io_error) && !r.stopped) explore_io_errors(rec, options, max_states, report, &r);
  r.seconds = report.seconds();
  return r;
}

std::optional<SqliteFailure> find_state(const SqliteRecording& rec, crash::EnumeratorOptions options, StateName name) {
  if (name.io_error) return find_io_error_state(rec, options, name);
  NamedStates states(rec, std::move(options));
  while (states.next()) {
    if (states.name().cut > name.cut) break;
    if (states.name().cut == name.cut && states.name().index == name.index)
      return judged(rec, states.name(), states.state(), states.image());
  }
  return std::nullopt;
}

}  // namespace sc::sqlite

// explore.cpp — see explore.h.
#include "injector/sqlite/explore.h"

#include <chrono>
#include <cstdint>
#include <memory>

#include "injector/check/state_window.h"
#include "injector/sqlite/read_error_states.h"

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
    name_ = StateName{cut, cut == name_.cut && started_ ? name_.index + 1 : 0};
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

SqliteFailure judged(const SqliteRecording& rec, const NamedStates& states) {
  const LegalWindow window = legal_window_of(rec.spans, states.state());
  ImageVerdict verdict = check_image(states.image(), states.state().faults, rec, window);
  std::string signature = is_legal(verdict.outcome) ? "" : failure_signature(verdict);
  return SqliteFailure{states.name(), states.state(), window, std::move(verdict), std::move(signature)};
}

}  // namespace

std::string failure_signature(const ImageVerdict& v) { return std::string(outcome_name(v.outcome)) + ": " + v.why; }

SqliteExploreResult explore_sqlite(const SqliteRecording& rec, crash::EnumeratorOptions options, uint64_t max_states,
                                   const std::function<void(const ExploreProgress&)>& progress) {
  SqliteExploreResult r;
  const auto start = Clock::now();
  auto last_report = start;
  NamedStates states(rec, std::move(options));
  while (states.next()) {
    if (r.states == max_states) {
      r.stopped = true;
      break;
    }
    SqliteFailure f = judged(rec, states);
    ++r.states;
    ++r.counts[static_cast<size_t>(f.verdict.outcome)][static_cast<size_t>(f.state.kind)];
    if (!f.signature.empty()) {
      ++r.illegal;
      if (r.signatures[f.signature]++ == 0) r.failures.push_back(std::move(f));
    }
    if (progress && since(last_report) >= 0.5) {
      last_report = Clock::now();
      progress(ExploreProgress{r.states, r.illegal, states.state().cut, rec.trace.cut_count(), since(start)});
    }
  }
  r.duplicates = states.duplicates();
  r.seconds = since(start);
  return r;
}

std::optional<SqliteFailure> find_state(const SqliteRecording& rec, crash::EnumeratorOptions options, StateName name) {
  NamedStates states(rec, std::move(options));
  while (states.next()) {
    if (states.name().cut > name.cut) break;
    if (states.name().cut == name.cut && states.name().index == name.index) return judged(rec, states);
  }
  return std::nullopt;
}

}  // namespace sc::sqlite

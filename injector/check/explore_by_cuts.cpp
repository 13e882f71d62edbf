// explore_by_cuts.cpp — see explore_by_cuts.h.
#include "injector/check/explore_by_cuts.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <functional>
#include <optional>

#include "injector/check/cut_threads.h"
#include "injector/check/helper_threads.h"
#include "injector/check/last_verdict.h"
#include "injector/check/memoised_checker.h"
#include "injector/check/state_window.h"
#include "injector/check/tally.h"

namespace sc {

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// What the threads of one exploration share.
struct Shared : CutThreads {
  Shared(const Workload& w_, const Recording& rec_, const ExploreOptions& options_, const CheckerFactory& make)
      : CutThreads(*options_.cores, rec_.trace.cut_count()), w(w_), rec(rec_), options(options_),
        make_checker(make) {}

  const Workload& w;
  const Recording& rec;
  const ExploreOptions& options;
  const CheckerFactory& make_checker;
  Clock::time_point start = Clock::now();
  std::atomic<bool> left_unchecked{false};  // interrupted with states left
};

crash::EnumeratorOptions enumeration_of(const Shared& s) {
  crash::EnumeratorOptions e = s.options.enumerate;
  e.recheck_from = window_changes(s.rec.spans);
  return e;
}

// What the loop of one thread has seen when a stop_at_ condition ends it at
// state `last`: it has asked for one state past it (if max_states allows
// one), counting duplicates up to there, and is `stopped` if there was one.
// The threads here may have walked further, or not as far.
struct AtStop {
  uint64_t duplicates = 0;
  bool stopped = false;
};

AtStop one_thread_at_stop(const Shared& s, uint64_t last) {
  crash::CrashStateEnumerator states(s.rec.trace, enumeration_of(s));
  const uint64_t asked = std::min(last + 2, s.options.max_states);
  uint64_t yielded = 0;
  while (yielded < asked && states.next()) ++yielded;
  return AtStop{states.counters().duplicates, yielded == last + 2};
}

// One thread's walk through the enumeration: it checks the states of the
// cuts it claims and passes over the others.
class CutWalker {
 public:
  // The calling thread's walker is the owner (progress_interval: see
  // explore_by_cuts()); a helper's borrows a core for each cut it claims.
  // between_cuts: called by the owner as it enters each cut.
  CutWalker(Shared& shared, bool owner, double progress_interval = 0, std::function<void()> between_cuts = {})
      : s_(shared), owner_(owner), progress_interval_(progress_interval), between_cuts_(std::move(between_cuts)),
        states_(shared.rec.trace, enumeration_of(shared)), checker_(shared.make_checker, shared.options.memoise) {}
  ~CutWalker() {
    if (borrowed_) s_.cores.give_back();  // an exception left a cut half checked
  }
  CutWalker(const CutWalker&) = delete;
  CutWalker& operator=(const CutWalker&) = delete;

  void walk() {
    for (uint64_t index = 0; index < s_.options.max_states && next_state(); ++index) {
      const crash::CrashState& state = states_.state();
      if (s_.options.should_stop && s_.options.should_stop()) s_.interrupted = true;
      if (s_.interrupted) {
        s_.left_unchecked = true;
        break;
      }
      if (index > s_.tallies.stop_index()) break;
      if (state.cut != cut_) enter_cut(state.cut, index);
      if (quit_ || (!owner_ && !tally_ && s_.over)) break;
      if (tally_) judge(state, index);
      if (owner_) report_progress();
    }
    leave_cut();
  }

  uint64_t duplicates() const { return states_.counters().duplicates; }
  double enumerate_seconds() const { return enumerate_seconds_; }

 private:
  void enter_cut(size_t cut, uint64_t index) {
    leave_cut();
    cut_ = cut;
    if (between_cuts_) between_cuts_();
    if (s_.tallies.claimed(cut)) return;
    if (!owner_ && !s_.cores.borrow(s_.over)) {
      quit_ = true;
      return;
    }
    borrowed_ = !owner_;
    if (!s_.tallies.claim(cut)) return leave_cut();
    tally_.emplace();
    tally_->first = index;
    recalled_before_ = checker_.recalled();
  }

  void leave_cut() {
    if (tally_) {
      tally_->result.recalled = checker_.recalled() - recalled_before_;
      s_.tallies.add(std::move(*tally_));
      tally_.reset();
    }
    if (borrowed_) s_.cores.give_back();
    borrowed_ = false;
  }

  void judge(const crash::CrashState& state, uint64_t index) {
    ExploreResult& r = tally_->result;
    const LegalWindow window = legal_window_of(s_.rec.spans, state);
    const Recovered* recovered = checker_.recover(states_.image(), state.faults, nullptr);
    const Verdict& verdict = last_.judge(s_.w, s_.rec.history, window, recovered, checker_.recoveries());
    const uint64_t illegal_before = r.illegal;
    tally(state, cut_phase(s_.rec.trace, state.cut), verdict, &r);
    ++s_.states;
    if (r.illegal == illegal_before) return;
    ++s_.illegal;
    if (!r.first_illegal) r.first_illegal = FirstIllegal{r.states, since(s_.start)};
    if (stop_condition_met(s_.options, r)) s_.tallies.stop_after(index);
  }

  bool next_state() {
    if (!owner_) return states_.next();
    const auto start = Clock::now();
    const bool more = states_.next();
    enumerate_seconds_ += since(start);
    return more;
  }

  void report_progress() {
    if (!s_.options.progress || since(last_report_) < progress_interval_) return;
    last_report_ = Clock::now();
    s_.options.progress(ExploreProgress{s_.states, s_.illegal, cut_, s_.rec.trace.cut_count(), since(s_.start)});
  }

  Shared& s_;
  const bool owner_;
  const double progress_interval_;
  const std::function<void()> between_cuts_;
  double enumerate_seconds_ = 0;
  crash::CrashStateEnumerator states_;
  MemoisedChecker checker_;
  LastVerdict last_;
  size_t cut_ = SIZE_MAX;
  std::optional<CutTally> tally_;
  uint64_t recalled_before_ = 0;
  bool borrowed_ = false;
  bool quit_ = false;
  Clock::time_point last_report_ = Clock::now();
};

// A helper thread: waits for a core before it builds its enumeration, so a
// helper that never finds an idle core costs nothing but the thread.
void help(Shared& shared) {
  try {
    if (!shared.cores.borrow(shared.over)) return;
    shared.cores.give_back();
    CutWalker(shared, false).walk();
  } catch (...) {
    shared.fail(std::current_exception());
  }
}

}  // namespace

ExploreResult explore_by_cuts(const Workload& w, const Recording& rec, const ExploreOptions& options,
                              double progress_interval, const CheckerFactory& make_checker) {
  Shared shared(w, rec, options, make_checker);
  const auto start = Clock::now();
  uint64_t duplicates = 0;
  double enumerate_seconds = 0;
  {
    HelperThreads helpers(shared.cores, shared.over, [&shared] { help(shared); });
    try {
      CutWalker owner(shared, true, progress_interval, [&helpers] { helpers.add_if_idle(); });
      owner.walk();
      duplicates = owner.duplicates();
      enumerate_seconds = owner.enumerate_seconds();
    } catch (...) {
      shared.fail(std::current_exception());
    }
  }
  shared.error.rethrow_if_any();
  ExploreResult result = shared.tallies.sum();
  const uint64_t stop = shared.tallies.stop_index();
  const AtStop at_stop = stop == UINT64_MAX ? AtStop{duplicates, false} : one_thread_at_stop(shared, stop);
  result.stopped = shared.left_unchecked || at_stop.stopped;
  result.duplicates = at_stop.duplicates;
  result.enumerate_seconds = enumerate_seconds;
  result.seconds = since(start);
  return result;
}

}  // namespace sc

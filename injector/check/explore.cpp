// explore.cpp — see explore.h.
#include "injector/check/explore.h"
#include "injector/check/state_window.h"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "injector/check/core_share.h"
#include "injector/check/explore_by_cuts.h"
#include "injector/check/last_verdict.h"
#include "injector/check/memoised_checker.h"
#include "injector/check/spread_states.h"
#include "injector/check/tally.h"

namespace sc {

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// One state to check; its image is either the source's current view (valid
// until the source moves on) or rebuilt and owned here.
struct CheckItem {
  crash::CrashState state;
  std::unique_ptr<crash::CrashImage> owned;
  std::optional<crash::ImageView> view;

  crash::ImageView image() const { return owned ? owned->view() : *view; }
};

// Where the states come from. take() replaces the batch's items with up to
// `n` new ones (none: the source is done); an item keeps a view into the
// source only when n == 1 and not `ahead` (an item taken ahead must outlive
// the next take()).
class StateSource {
 public:
  virtual ~StateSource() = default;
  virtual void take(size_t n, bool ahead, std::vector<CheckItem>& batch) = 0;
  virtual uint64_t duplicates() const = 0;
};

// The enumeration in order, its time added to *seconds.
class EnumeratedSource final : public StateSource {
 public:
  EnumeratedSource(const crash::Trace& trace, const crash::EnumeratorOptions& options, double* seconds)
      : trace_(trace), states_(trace, options), seconds_(seconds) {}

  // Items are overwritten in place, so a state's kept writes reuse the
  // storage of the state before (no allocation per state).
  void take(size_t n, bool ahead, std::vector<CheckItem>& batch) override {
    const auto start = Clock::now();
    size_t taken = 0;
    for (; taken < n && states_.next(); ++taken) {
      if (taken == batch.size()) batch.emplace_back();
      CheckItem& item = batch[taken];
      item.state = states_.state();
      if (n == 1 && !ahead) {
        item.view = states_.image();
        item.owned.reset();
      } else {
        item.owned = std::make_unique<crash::CrashImage>(trace_, states_.state());
        item.view.reset();
      }
    }
    batch.resize(taken);
    *seconds_ += since(start);
  }
  uint64_t duplicates() const override { return states_.counters().duplicates; }

 private:
  const crash::Trace& trace_;
  crash::CrashStateEnumerator states_;
  double* seconds_;
};

// spread_states() of the enumeration, each image rebuilt from the trace.
class SpreadSource final : public StateSource {
 public:
  SpreadSource(const crash::Trace& trace, const crash::EnumeratorOptions& options, uint64_t limit, double* seconds)
      : trace_(trace) {
    const auto start = Clock::now();
    states_ = spread_states(trace, options, limit);
    *seconds += since(start);
  }

  void take(size_t n, bool, std::vector<CheckItem>& batch) override {
    batch.clear();
    for (; batch.size() < n && next_ < states_.size(); ++next_)
      batch.push_back(CheckItem{states_[next_], std::make_unique<crash::CrashImage>(trace_, states_[next_]), {}});
  }
  uint64_t duplicates() const override { return 0; }

 private:
  const crash::Trace& trace_;
  std::vector<crash::CrashState> states_;
  size_t next_ = 0;
};

// The checkers of an exploration. With one worker, the checker lives in the
// calling thread. With several, worker i is a thread for the whole
// exploration that makes its own checker and recovers item i of every
// batch: a checker's child processes are tied to the thread that started
// them (PR_SET_PDEATHSIG), so that thread must outlive them.
// With one worker and options.memoise, a checker that notes its reads
// recovers through a RecoveryMemo: a state recovery could not tell from an
// earlier one of its cut is recalled, not recovered (recalled()).
class CheckerPool {
 public:
  CheckerPool(size_t workers, const CheckerFactory& make, bool memoise) : make_(make), inline_(make, memoise) {
    for (size_t i = 0; workers > 1 && i < workers; ++i) threads_.emplace_back([this, i] { work(i); });
  }
  ~CheckerPool() {
    {
      std::lock_guard<std::mutex> guard(lock_);
      stop_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_) t.join();
  }
  CheckerPool(const CheckerPool&) = delete;
  CheckerPool& operator=(const CheckerPool&) = delete;

  // Recovers every item of the batch, telling worker i that item i of
  // `next` (if any) is its next; rethrows the first exception once every
  // worker has ended its part. What each item recovered is valid until the
  // next call (a recalled one is the memo's, not copied), and so is the
  // vector returned.
  const std::vector<const Recovered*>& recover(const std::vector<CheckItem>& batch,
                                               const std::vector<CheckItem>& next) {
    owned_.resize(batch.size());
    results_.clear();
    if (threads_.empty()) {
      results_.push_back(recover_inline(batch[0], next.empty() ? nullptr : &next[0]));
      return results_;
    }
    ++batches_;
    std::unique_lock<std::mutex> guard(lock_);
    batch_ = &batch;
    next_ = &next;
    out_ = &owned_;
    pending_ = threads_.size();
    ++generation_;
    wake_.notify_all();
    done_.wait(guard, [this] { return pending_ == 0; });
    if (error_) std::rethrow_exception(error_);
    for (const Recovered& r : owned_) results_.push_back(&r);
    return results_;
  }

  uint64_t recalled() const { return inline_.recalled(); }
  // Changes whenever something recover() returned may have changed: a
  // pointer it returns names the same Recovered while this stays the same.
  uint64_t recoveries() const { return inline_.recoveries() + batches_; }

 private:
  const Recovered* recover_inline(const CheckItem& item, const CheckItem* next) {
    if (!next) return inline_.recover(item.image(), item.state.faults, nullptr);
    const NextState announced{next->image(), next->state.faults};
    return inline_.recover(item.image(), item.state.faults, &announced);
  }

  static Recovered recover_one(Checker& checker, const CheckItem& item, const CheckItem* next) {
    if (!next) return checker.recover(item.image(), item.state.faults);
    return checker.recover_then(item.image(), item.state.faults, NextState{next->image(), next->state.faults});
  }

  void work(size_t index) {
    std::unique_ptr<Checker> checker;
    std::exception_ptr made;
    try {
      checker = make_();
    } catch (...) {
      made = std::current_exception();
    }
    uint64_t seen = 0;
    std::unique_lock<std::mutex> guard(lock_);
    for (;;) {
      wake_.wait(guard, [&] { return stop_ || generation_ != seen; });
      if (stop_) return;
      seen = generation_;
      if (index < batch_->size()) {
        guard.unlock();
        std::exception_ptr problem = made;
        try {
          const CheckItem* next = index < next_->size() ? &(*next_)[index] : nullptr;
          if (!problem) (*out_)[index] = recover_one(*checker, (*batch_)[index], next);
        } catch (...) {
          problem = std::current_exception();
        }
        guard.lock();
        if (problem && !error_) error_ = problem;
      }
      if (--pending_ == 0) done_.notify_all();
    }
  }

  const CheckerFactory& make_;
  MemoisedChecker inline_;  // the one worker's, when there is one
  uint64_t batches_ = 0;
  std::vector<Recovered> owned_;  // what this call's items recovered (threads)
  std::vector<const Recovered*> results_;  // what recover() returns
  std::vector<std::thread> threads_;
  std::mutex lock_;
  std::condition_variable wake_, done_;
  uint64_t generation_ = 0;
  size_t pending_ = 0;
  bool stop_ = false;
  const std::vector<CheckItem>* batch_ = nullptr;
  const std::vector<CheckItem>* next_ = nullptr;
  std::vector<Recovered>* out_ = nullptr;
  std::exception_ptr error_;
};

std::unique_ptr<StateSource> make_source(const Recording& rec, const ExploreOptions& options, const ExplorePlan& plan,
                                         double* seconds) {
  crash::EnumeratorOptions enumerate = options.enumerate;
  enumerate.recheck_from = window_changes(rec.spans);
  if (plan.spread) return std::make_unique<SpreadSource>(rec.trace, enumerate, options.max_states, seconds);
  return std::make_unique<EnumeratedSource>(rec.trace, enumerate, seconds);
}

}  // namespace

ExploreResult explore(const Workload& w, const Recording& rec, const ExploreOptions& options,
                      const ExplorePlan& plan, const CheckerFactory& make_checker) {
  if (!plan.spread && plan.workers <= 1 && !options.observe && options.cores && options.cores->cores() > 1)
    return explore_by_cuts(w, rec, options, plan.progress_interval, make_checker);
  ExploreResult result;
  const auto start = Clock::now();
  auto last_report = start;
  const size_t workers = plan.workers == 0 ? 1 : plan.workers;
  std::unique_ptr<StateSource> source = make_source(rec, options, plan, &result.enumerate_seconds);
  CheckerPool checkers(workers, make_checker, options.memoise);
  LastVerdict last;
  std::vector<CheckItem> batch, next;
  const auto take = [&](uint64_t taken, std::vector<CheckItem>& into) {
    const uint64_t left = options.max_states - taken;
    source->take(static_cast<size_t>(std::min<uint64_t>(workers, left)), plan.announce_next, into);
  };
  take(result.states, batch);
  while (!batch.empty()) {
    if (exploration_interrupted(options, result)) {
      result.stopped = true;  // states are left unchecked
      break;
    }
    if (plan.announce_next) take(result.states + batch.size(), next);
    const std::vector<const Recovered*>& recovered = checkers.recover(batch, next);
    for (size_t i = 0; i < batch.size(); ++i) {
      const crash::CrashState& state = batch[i].state;
      const LegalWindow window = legal_window_of(rec.spans, state);
      const Verdict& verdict = last.judge(w, rec.history, window, recovered[i], checkers.recoveries());
      if (options.observe) options.observe(window, verdict);
      tally(state, cut_phase(rec.trace, state.cut), verdict, &result);
      if (result.illegal > 0 && !result.first_illegal) result.first_illegal = FirstIllegal{result.states, since(start)};
    }
    if (options.progress && since(last_report) >= plan.progress_interval) {
      last_report = Clock::now();
      options.progress(ExploreProgress{result.states, result.illegal, batch.back().state.cut, rec.trace.cut_count(),
                                       since(start)});
    }
    if (plan.announce_next) batch.swap(next);
    else take(result.states, batch);
  }
  result.duplicates = source->duplicates();
  result.recalled = checkers.recalled();
  result.seconds = since(start);
  return result;
}

}  // namespace sc

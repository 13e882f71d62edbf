// exhaustive_by_cuts.cpp — see exhaustive_by_cuts.h.
#include "injector/inproc/exhaustive_by_cuts.h"

#include <algorithm>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>

#include "injector/check/cut_threads.h"
#include "injector/check/helper_threads.h"
#include "injector/inproc/exhaustive_cut_search.h"

namespace sc {

namespace {

struct Shared : CutThreads {
  Shared(const Workload& w_, const SeededBugs& bugs_, const Recording& rec_, const ExploreOptions& options_,
         const ExhaustiveOptions& exhaustive_, FaultClock::time_point start_)
      : CutThreads(*options_.cores, rec_.trace.cut_count()), w(w_), bugs(bugs_), rec(rec_), options(options_),
        exhaustive(exhaustive_), start(start_) {}

  const Workload& w;
  const SeededBugs& bugs;
  const Recording& rec;
  const ExploreOptions& options;
  const ExhaustiveOptions& exhaustive;
  FaultClock::time_point start;
  std::atomic<size_t> next_cut{0};
  std::mutex incomplete_lock;
  std::vector<uint64_t> incomplete;  // cuts whose search passed runs_per_cut, in no order
};

// One thread: searches cuts until none is left, the search must stop, or
// (a helper) no core is lent to it.
class CutTaker {
 public:
  // between_cuts: called by the owner before each cut it takes.
  CutTaker(Shared& s, bool owner, std::function<void()> between_cuts = {})
      : s_(s), owner_(owner), between_cuts_(std::move(between_cuts)), options_(s.options) {
    options_.progress = nullptr;
    options_.should_stop = [this, ask = s.options.should_stop] {
      if (ask && ask()) s_.interrupted = true;
      return s_.interrupted.load();
    };
  }
  ~CutTaker() {
    if (borrowed_) s_.cores.give_back();  // an exception left a cut half searched
  }
  CutTaker(const CutTaker&) = delete;
  CutTaker& operator=(const CutTaker&) = delete;

  void take_cuts(const ExploreResult& before) {
    FaultProgress progress(s_.options, s_.start);
    for (;;) {
      if (between_cuts_) between_cuts_();
      if (!owner_ && !s_.cores.borrow(s_.over)) return;
      borrowed_ = !owner_;
      const size_t cut = s_.next_cut++;
      const bool go = cut < s_.rec.trace.cut_count() && cut <= s_.tallies.stop_index() && !s_.interrupted;
      if (go) search(cut);
      if (borrowed_) s_.cores.give_back();
      borrowed_ = false;
      if (!go) return;
      if (owner_) progress.after(so_far(before), s_.rec.trace, cut);
    }
  }

 private:
  void search(size_t cut) {
    if (!durable_) {
      checker_ = std::make_unique<InprocChecker>(s_.w, s_.bugs);
      hashes_ = std::make_unique<crash::TraceHashes>(s_.rec.trace);
      durable_ = std::make_unique<crash::DurableState>(s_.rec.trace, *hashes_);
    }
    durable_->advance_to(cut);
    CutTally tally;
    tally.first = cut;
    tally.result.exhaustive = ExhaustiveCoverage{};
    const CutSearchEnd end = ExhaustiveCutSearch(s_.w, s_.rec, options_, *checker_, s_.start, &tally.result)
                                 .run(*durable_, s_.exhaustive, {});
    if (end == CutSearchEnd::past_budget) {
      const std::lock_guard<std::mutex> hold(s_.incomplete_lock);
      s_.incomplete.push_back(cut);
    }
    if (stop_condition_met(s_.options, tally.result)) s_.tallies.stop_after(cut);
    s_.states += tally.result.states;
    s_.illegal += tally.result.illegal;
    s_.tallies.add(std::move(tally));
  }

  ExploreResult so_far(const ExploreResult& before) const {
    ExploreResult r;
    r.states = before.states + s_.states;
    r.illegal = before.illegal + s_.illegal;
    r.seconds = before.seconds;
    return r;
  }

  Shared& s_;
  const bool owner_;
  const std::function<void()> between_cuts_;
  ExploreOptions options_;
  bool borrowed_ = false;
  std::unique_ptr<InprocChecker> checker_;
  std::unique_ptr<crash::TraceHashes> hashes_;
  std::unique_ptr<crash::DurableState> durable_;
};

}  // namespace

bool exhaustive_by_cuts_applies(const ExploreOptions& options) {
  return options.cores && options.cores->cores() > 1 && !options.observe && options.max_states == UINT64_MAX;
}

void explore_exhaustively_by_cuts(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                                  const ExploreOptions& options, const ExhaustiveOptions& exhaustive,
                                  FaultClock::time_point start, ExploreResult* result,
                                  std::vector<uint64_t>* incomplete_cuts) {
  if (fault_explore_must_stop(options, result)) return;  // as the first run of the loop of one thread would
  Shared shared(w, bugs, rec, options, exhaustive, start);
  {
    HelperThreads helpers(shared.cores, shared.over, [&shared, result] {
      try {
        CutTaker(shared, false).take_cuts(*result);
      } catch (...) {
        shared.fail(std::current_exception());
      }
    });
    try {
      CutTaker(shared, true, [&helpers] { helpers.add_if_idle(); }).take_cuts(*result);
    } catch (...) {
      shared.fail(std::current_exception());
    }
  }
  shared.error.rethrow_if_any();
  const uint64_t stop = shared.tallies.stop_index();
  ExploreResult found = shared.tallies.sum();
  if (stop != UINT64_MAX && stop + 1 < rec.trace.cut_count()) found.stopped = true;  // one thread would stop at the next cut
  if (incomplete_cuts) {
    std::sort(shared.incomplete.begin(), shared.incomplete.end());
    for (const uint64_t cut : shared.incomplete)
      if (cut <= stop) incomplete_cuts->push_back(cut);
  }
  add_result(std::move(found), result);
}

}  // namespace sc

// explore_by_cuts_test.cpp — exploring on several threads
// (injector/check/explore_by_cuts.h) gives exactly the result of one:
//  - every shipped workload, every mode the explore loop enumerates: the
//    same states, counts by cell, fsck counts, recalled states, duplicates,
//    signatures, and first failure of each signature (its crash state and
//    verdict);
//  - every seeded bug on a workload running its program, with and without
//    stop_at_first_illegal: the same first illegal state, the same states
//    checked before it, the same `stopped`;
//  - the exhaustive mode (exhaustive_by_cuts.h) on the small shipped
//    workloads, with every tear, and with two seeded bugs, stopping at the
//    first illegal state or not: the same counts, coverage and stops;
//  - the helper threads check cuts only on a core the CoreShare lends them:
//    with every core held elsewhere, one checker is made; with one core
//    idle, two are;
//  - CoreShare itself: an owner waiting for a core goes before a borrower,
//    and a borrower told its exploration is over gets none.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "injector/campaign/generator.h"
#include "injector/check/core_share.h"
#include "injector/check/explore.h"
#include "injector/inproc/exhaustive_explore.h"
#include "injector/inproc/explore.h"
#include "injector/inproc/inproc_checker.h"
#include "injector/inproc/recording.h"
#include "managers/registry/registry.h"
#include "tests/explore/explore_test_inputs.h"

namespace sc {
namespace {

const std::string kCorpus = std::string(STABLECUT_SOURCE_DIR) + "/corpus/workloads";

// Explores on two cores, this thread holding one of them; counts the
// checkers made into *checkers (one per thread that checked a cut).
ExploreResult explore_on_two(const Workload& w, const SeededBugs& bugs, const Recording& rec, ExploreOptions o,
                             std::atomic<size_t>* checkers) {
  o.cores = std::make_shared<CoreShare>(2);
  HeldCore mine(*o.cores);
  const CheckerFactory make = [&] {
    ++*checkers;
    return std::make_unique<InprocChecker>(w, bugs);
  };
  return explore(w, rec, o, ExplorePlan{}, make);
}

std::string describe(const StateFailure& f) {
  std::string s = f.signature + " @cut " + std::to_string(f.state.cut) + " kind " +
                  std::to_string(static_cast<int>(f.state.kind)) + " kept";
  for (const auto& k : f.state.kept) s += " " + std::to_string(k.request) + "/" + std::to_string(k.sector_mask);
  return s + " faults " + std::to_string(f.state.faults.size()) + ": " + f.verdict.reason;
}

void expect_same(const ExploreResult& one, const ExploreResult& two, const std::string& what) {
  EXPECT_EQ(one.states, two.states) << what;
  EXPECT_EQ(one.illegal, two.illegal) << what;
  EXPECT_EQ(one.recalled, two.recalled) << what;
  EXPECT_EQ(one.duplicates, two.duplicates) << what;
  EXPECT_EQ(one.stopped, two.stopped) << what;
  EXPECT_TRUE(one.counts == two.counts) << what;
  EXPECT_TRUE(one.fsck_violations == two.fsck_violations) << what;
  EXPECT_EQ(one.signatures, two.signatures) << what;
  ASSERT_EQ(one.failures.size(), two.failures.size()) << what;
  for (size_t i = 0; i < one.failures.size(); ++i)
    EXPECT_EQ(describe(one.failures[i]), describe(two.failures[i])) << what;
  ASSERT_EQ(one.first_illegal.has_value(), two.first_illegal.has_value()) << what;
  if (one.first_illegal) EXPECT_EQ(one.first_illegal->states, two.first_illegal->states) << what;
  ASSERT_EQ(one.exhaustive.has_value(), two.exhaustive.has_value()) << what;
  if (!one.exhaustive) return;
  EXPECT_EQ(one.exhaustive->cuts, two.exhaustive->cuts) << what;
  EXPECT_EQ(one.exhaustive->complete_cuts, two.exhaustive->complete_cuts) << what;
  EXPECT_EQ(one.exhaustive->recoveries, two.exhaustive->recoveries) << what;
  // Sums of powers of two in another order: equal but for rounding.
  EXPECT_NEAR(one.exhaustive->states, two.exhaustive->states, 1e-12 * one.exhaustive->states) << what;
  EXPECT_NEAR(one.exhaustive->all_states, two.exhaustive->all_states, 1e-12 * one.exhaustive->all_states) << what;
  EXPECT_EQ(one.exhaustive->max_variables, two.exhaustive->max_variables) << what;
  EXPECT_EQ(one.exhaustive->bounded_cuts, two.exhaustive->bounded_cuts) << what;
  EXPECT_EQ(one.exhaustive->bounded_states, two.exhaustive->bounded_states) << what;
}

// Few states per workload keep the default suite short; the helper thread
// must still have checked cuts of some workloads, or nothing was compared.
constexpr uint64_t kStatesPerWorkload = 1500;

TEST(ExploreByCuts, EveryShippedWorkloadInEveryModeGivesTheResultOfOneThread) {
  std::atomic<size_t> checkers{0};
  size_t workloads = 0;
  for (const auto& entry : campaign::load_corpus(kCorpus, "")) {
    const Workload& w = entry.workload;
    const Recording rec = record_inproc(w, SeededBugs{});
    ExploreOptions o;
    o.enumerate.modes = test::enumerated_modes();
    o.max_states = kStatesPerWorkload;
    expect_same(explore_inproc(w, SeededBugs{}, rec, o), explore_on_two(w, SeededBugs{}, rec, o, &checkers), w.name);
    ++workloads;
  }
  EXPECT_GT(checkers, workloads) << "the helper thread checked no cut of any workload";
}

TEST(ExploreByCuts, EverySeededBugStopsAtTheSameFirstIllegalState) {
  uint64_t stopped_early = 0;
  std::atomic<size_t> checkers{0};
  size_t explorations = 0;
  for (const auto& [bug, program] : test::seeded_bugs_with_programs()) {
    SeededBugs bugs;
    enable_seeded_bug(&bugs, bug);
    const Workload w = campaign::load_corpus(kCorpus, program).front().workload;
    const Recording rec = record_inproc(w, bugs);
    for (const bool stop : {false, true}) {
      ExploreOptions o;
      o.max_states = kStatesPerWorkload;
      o.stop_at_first_illegal = stop;
      const ExploreResult one = explore_inproc(w, bugs, rec, o);
      expect_same(one, explore_on_two(w, bugs, rec, o, &checkers), bug + " on " + w.name + (stop ? ", stopping" : ""));
      stopped_early += stop && one.stopped;
      ++explorations;
    }
  }
  EXPECT_GT(stopped_early, 0u);
  EXPECT_GT(checkers, explorations) << "the helper thread checked no cut of any exploration";
}

// The exhaustive mode on one thread and on two, for the same options.
// Its search of a cut is capped at `runs` recoveries, to keep the default
// suite short (under ASan a seeded bug that leaves many writes in flight
// makes a cut thousands of recoveries); a capped cut counts as incomplete
// alike on both.
// Both must leave the same cuts incomplete.
std::pair<ExploreResult, ExploreResult> exhaustive_on_one_and_two(const Workload& w, const SeededBugs& bugs,
                                                                  const Recording& rec, ExploreOptions o,
                                                                  const ExhaustiveOptions& exhaustive) {
  ExploreResult one, two;
  std::vector<uint64_t> incomplete_one, incomplete_two;
  explore_exhaustively(w, bugs, rec, o, exhaustive, &one, {}, &incomplete_one);
  o.cores = std::make_shared<CoreShare>(2);
  HeldCore mine(*o.cores);
  explore_exhaustively(w, bugs, rec, o, exhaustive, &two, {}, &incomplete_two);
  EXPECT_EQ(incomplete_one, incomplete_two) << w.name;
  return {std::move(one), std::move(two)};
}

// Workloads of at most kExhaustiveRequests disk requests, for the same reason.
constexpr size_t kExhaustiveRequests = 100;

TEST(ExploreByCuts, TheExhaustiveModeGivesTheResultOfOneThread) {
  size_t compared = 0;
  for (const auto& entry : campaign::load_corpus(kCorpus, "")) {
    const Workload& w = entry.workload;
    const Recording rec = record_inproc(w, SeededBugs{});
    if (rec.trace.requests().size() > kExhaustiveRequests) continue;
    ++compared;
    const auto [one, two] = exhaustive_on_one_and_two(w, SeededBugs{}, rec, ExploreOptions{}, ExhaustiveOptions{true, 256});
    expect_same(one, two, w.name);
  }
  EXPECT_GE(compared, 5u);
}

TEST(ExploreByCuts, TheExhaustiveModeStopsAtTheSameFirstIllegalState) {
  uint64_t illegal = 0, stopped = 0;
  for (const auto& [bug, program] : {std::pair<std::string, std::string>{"shadow-skip-flush", "shadow"},
                                     {"journal-unflushed-apply", "journal"}}) {
    SeededBugs bugs;
    enable_seeded_bug(&bugs, bug);
    for (const auto& entry : campaign::load_corpus(kCorpus, program)) {
      const Workload& w = entry.workload;
      const Recording rec = record_inproc(w, bugs);
      if (rec.trace.requests().size() > kExhaustiveRequests) continue;
      for (const bool stop : {false, true}) {
        ExploreOptions o;
        o.stop_at_first_illegal = stop;
        const auto [one, two] = exhaustive_on_one_and_two(w, bugs, rec, o, ExhaustiveOptions{false, 32});
        expect_same(one, two, bug + " on " + w.name + (stop ? ", stopping" : ""));
        illegal += one.illegal;
        stopped += one.stopped;
      }
    }
  }
  EXPECT_GT(illegal, 0u);
  EXPECT_GT(stopped, 0u);
}

// The default in-process modes (exhaustive with tears) with a budget small
// enough that seeded bugs send cuts to the bounded modes: one thread and two
// give the same result, the bounded states included.
TEST(ExploreByCuts, CutsPastTheExhaustiveBudgetGiveTheResultOfOneThread) {
  uint64_t bounded_cuts = 0;
  for (const auto& [bug, program] : {std::pair<std::string, std::string>{"shadow-skip-flush", "shadow"},
                                     {"journal-unflushed-apply", "journal"}}) {
    SeededBugs bugs;
    enable_seeded_bug(&bugs, bug);
    const Workload w = campaign::load_corpus(kCorpus, program).front().workload;
    const Recording rec = record_inproc(w, bugs);
    ExploreOptions o;
    o.enumerate.modes = crash::only(crash::Mode::torn);
    o.enumerate.exhaustive = true;
    o.enumerate.runs_per_cut = 8;
    const ExploreResult one = explore_inproc(w, bugs, rec, o);
    o.cores = std::make_shared<CoreShare>(2);
    HeldCore mine(*o.cores);
    expect_same(one, explore_inproc(w, bugs, rec, o), bug + " on " + w.name);
    bounded_cuts += one.exhaustive->bounded_cuts;
  }
  EXPECT_GT(bounded_cuts, 0u);
}

// An in-process checker that, when `patient`, waits before its first
// recovery (up to kPatience) until `made` says another checker exists: the
// calling thread of an exploration then holds its first cut until a helper
// has claimed one, however loaded the machine is.
constexpr auto kPatience = std::chrono::seconds(20);

class PatientChecker final : public Checker {
 public:
  PatientChecker(const Workload& w, bool patient, const std::atomic<size_t>& made)
      : inner_(w, SeededBugs{}), patient_(patient), made_(made) {}
  Recovered recover(const crash::ImageView& image, std::span<const crash::Fault> faults) override {
    wait_once();
    return inner_.recover(image, faults);
  }
  bool notes_reads() const override { return true; }
  Recovered recover_noting_reads(const crash::ImageView& image, std::vector<uint64_t>& reads) override {
    wait_once();
    return inner_.recover_noting_reads(image, reads);
  }

 private:
  void wait_once() {
    const auto until = std::chrono::steady_clock::now() + kPatience;
    while (patient_ && made_ < 2 && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    patient_ = false;
  }

  InprocChecker inner_;
  bool patient_;
  const std::atomic<size_t>& made_;
};

// Explores with a factory that counts the checkers made; with `wait`, the
// first one waits for a second (PatientChecker).
size_t checkers_made(const Workload& w, const Recording& rec, ExploreOptions o, bool wait) {
  std::atomic<size_t> made{0};
  const CheckerFactory make = [&] { return std::make_unique<PatientChecker>(w, ++made == 1 && wait, made); };
  explore(w, rec, o, ExplorePlan{}, make);
  return made;
}

TEST(ExploreByCuts, HelpersCheckCutsOnlyOnACoreLentToThem) {
  const campaign::Corpus corpus = campaign::load_corpus(kCorpus, "");
  const Workload& w = corpus.front().workload;
  const Recording rec = record_inproc(w, SeededBugs{});
  ASSERT_GT(rec.trace.cut_count(), 2u);
  ExploreOptions o;
  o.cores = std::make_shared<CoreShare>(2);
  {
    HeldCore mine(*o.cores), elsewhere(*o.cores);
    EXPECT_EQ(checkers_made(w, rec, o, false), 1u) << "a helper checked a cut with no idle core";
  }
  HeldCore mine(*o.cores);
  EXPECT_EQ(checkers_made(w, rec, o, true), 2u) << "the idle core checked no cut within " << kPatience.count() << " s";
}

void wait_until(const std::function<bool()>& done) {
  while (!done()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

TEST(CoreShare, AnOwnerWaitingForACoreGoesBeforeABorrower) {
  CoreShare share(1);
  std::atomic<bool> over{false}, owner_has_it{false}, let_go{false}, borrower_has_it{false};
  share.hold();
  std::thread owner([&] {
    share.hold();
    owner_has_it = true;
    wait_until([&] { return let_go.load(); });
    share.give_back();
  });
  wait_until([&] { return share.owners_waiting() == 1; });
  std::thread borrower([&] {
    if (!share.borrow(over)) return;
    borrower_has_it = true;
    share.give_back();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the borrower waits too, by now
  share.give_back();
  wait_until([&] { return owner_has_it.load(); });
  EXPECT_FALSE(borrower_has_it) << "a borrower took the core an owner was waiting for";
  let_go = true;
  owner.join();
  borrower.join();
  EXPECT_TRUE(borrower_has_it) << "the borrower never got the core back from the owner";
}

TEST(CoreShare, ABorrowerWhoseExplorationIsOverGetsNoCore) {
  CoreShare share(1);
  share.hold();
  std::atomic<bool> over{false};
  std::atomic<int> got{-1};
  std::thread borrower([&] { got = share.borrow(over) ? 1 : 0; });
  over = true;
  share.wake();
  borrower.join();
  EXPECT_EQ(got, 0);
}

}  // namespace
}  // namespace sc

// explore_result.h — what exploring the crash states of a recording yields,
// in either tier: counts by outcome × phase of the cut × crash-state kind,
// fsck findings in the same cells, and the first failure of each signature
// kept whole (state, verdict) for reporting and replay. Also the options of
// an exploration and its progress reports. A stop condition
// (ExploreOptions::should_stop) is checked between crash states: when it
// turns true the exploration ends early with `stopped` set, and the result
// counts exactly the states checked so far. With stop_at_first_illegal it
// also ends once an illegal state has been judged (`stopped` set if states
// were left unchecked); first_illegal says when that state came, in either
// case. With stop_at_signature it ends once a failure of that signature has
// been judged (a minimiser reproducing one failure needs no more). Under
// io-error (in-process) a state belongs to a run recorded again with a
// failing request: its StateFailure keeps that recording, and what the
// re-recorded runs disagreed with online is in run_findings.
#pragma once
#include <memory>
#include <optional>
#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "injector/crash/enumerator.h"
#include "injector/oracle/verdict.h"
#include "kernel/core/phase.h"

namespace sc {

struct Recording;
class CoreShare;

struct ExploreProgress {
  uint64_t states = 0;
  uint64_t illegal = 0;
  size_t cut = 0;
  size_t cuts = 0;
  double seconds = 0;
};

struct ExploreOptions {
  crash::EnumeratorOptions enumerate;
  uint64_t max_states = UINT64_MAX;
  std::function<void(const ExploreProgress&)> progress;  // called about every 0.5 s
  std::function<bool()> should_stop;                      // asked between crash states; empty: never stop
  bool stop_at_first_illegal = false;                      // end after the first illegal state
  std::string stop_at_signature;                           // end after the first failure of this signature
  std::function<void(const LegalWindow&, const Verdict&)> observe;  // every judged state, in enumeration order
  bool memoise = true;  // decide states recovery cannot tell from earlier ones without recovering them (recovery_memo.h)
  // In-process: the cores the exploration may check states on at once, shared
  // with the caller's other work (explore_by_cuts.h); none: one thread.
  std::shared_ptr<CoreShare> cores;
};

struct StateFailure {
  crash::CrashState state;
  Phase phase = Phase::RUN;
  Verdict verdict;
  std::string signature;
  std::shared_ptr<const Recording> recording;  // the run the state is of, if not the explored recording
};

using OutcomeCounts = std::array<std::array<std::array<uint64_t, crash::kModeCount>, kPhaseCount>, kOutcomeCount>;

// The first illegal state of an exploration: how many states had been
// judged when it was (itself included), and when, in seconds since the
// exploration started.
struct FirstIllegal {
  uint64_t states = 0;
  double seconds = 0;
};

// What an exhaustive exploration covered (injector/inproc/exhaustive_explore.h):
// per cut every assignment of its variables (every subset of its in-flight
// writes, and with tears every chunk mask) is a crash state; a recovery
// covers those that agree with what it read. States are counted as doubles:
// a cut of n in-flight writes has 2^n.
struct ExhaustiveCoverage {
  uint64_t cuts = 0;           // cuts explored
  uint64_t complete_cuts = 0;  // of those, every crash state covered
  uint64_t recoveries = 0;
  double states = 0;      // crash states covered (infinite past 2^1024)
  double all_states = 0;  // crash states of the cuts explored
  uint32_t max_variables = 0;  // the most variables of one cut: it alone has 2^max_variables states
  // Cuts whose search passed the budget (runs_per_cut), then checked by the
  // bounded modes as well, and the crash states those modes checked there.
  uint64_t bounded_cuts = 0;
  uint64_t bounded_states = 0;
};

// Sums the coverage of several explorations (e.g. a campaign's workloads).
inline void add_coverage(std::optional<ExhaustiveCoverage>* into, const ExhaustiveCoverage& more) {
  ExhaustiveCoverage& c = into->has_value() ? **into : into->emplace();
  c.cuts += more.cuts;
  c.complete_cuts += more.complete_cuts;
  c.recoveries += more.recoveries;
  c.states += more.states;
  c.all_states += more.all_states;
  c.max_variables = std::max(c.max_variables, more.max_variables);
  c.bounded_cuts += more.bounded_cuts;
  c.bounded_states += more.bounded_states;
}

struct ExploreResult {
  OutcomeCounts counts{};
  OutcomeCounts fsck_violations{};  // fsck findings summed over the states of each cell of `counts`
  uint64_t states = 0;
  uint64_t illegal = 0;
  uint64_t duplicates = 0;
  uint64_t recalled = 0;  // of `states`, decided from an earlier recovery (recovery_memo.h); the rest were recovered
  bool stopped = false;  // should_stop (or a stop_at_ condition) ended it before every state was checked
  std::optional<FirstIllegal> first_illegal;
  double seconds = 0;
  double enumerate_seconds = 0;  // the part of `seconds` spent enumerating crash states
  std::vector<StateFailure> failures;            // first of each signature
  std::map<std::string, uint64_t> signatures;    // signature -> states
  std::vector<std::string> run_findings;         // disagreements while recording faulted runs (io-error)
  std::optional<ExhaustiveCoverage> exhaustive;  // set when the exhaustive mode ran
};

// True once a stop_at_ condition of `options` holds for what `result` has judged.
inline bool stop_condition_met(const ExploreOptions& options, const ExploreResult& result) {
  return (options.stop_at_first_illegal && result.first_illegal) ||
         (!options.stop_at_signature.empty() && result.signatures.count(options.stop_at_signature) > 0);
}

// True once no more states may be started: should_stop says so, or a
// stop_at_ condition holds.
inline bool exploration_interrupted(const ExploreOptions& options, const ExploreResult& result) {
  return (options.should_stop && options.should_stop()) || stop_condition_met(options, result);
}

}  // namespace sc

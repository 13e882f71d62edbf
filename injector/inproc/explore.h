// explore.h — checks every crash state of a recording in-process: the
// enumerator yields each state's image, the checker recovers it, classify()
// judges it against the legal window of its cut. Counts are kept by
// outcome × phase of the cut × crash-state kind; the first failure of each
// signature is kept whole (state, verdict) for reporting and replay.
// A stop condition (ExploreOptions::should_stop) is checked between crash
// states: when it turns true the exploration ends early with `stopped` set,
// and the result counts exactly the states checked so far.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "injector/crash/enumerator.h"
#include "injector/inproc/recording.h"
#include "injector/oracle/verdict.h"
#include "kernel/core/phase.h"

namespace sc {

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
};

struct StateFailure {
  crash::CrashState state;
  Phase phase = Phase::RUN;
  Verdict verdict;
  std::string signature;
};

using OutcomeCounts = std::array<std::array<std::array<uint64_t, crash::kModeCount>, kPhaseCount>, kOutcomeCount>;

struct ExploreResult {
  OutcomeCounts counts{};
  OutcomeCounts fsck_violations{};  // fsck findings summed over the states of each cell of `counts`
  uint64_t states = 0;
  uint64_t illegal = 0;
  uint64_t duplicates = 0;
  bool stopped = false;  // should_stop ended it before every state was checked
  double seconds = 0;
  double enumerate_seconds = 0;  // the part of `seconds` spent enumerating crash states
  std::vector<StateFailure> failures;            // first of each signature
  std::map<std::string, uint64_t> signatures;    // signature -> states
};

// The phase in effect when power was lost at `cut`: that of the last request
// issued before it (the first request's for cut 0; RUN for an empty trace).
Phase cut_phase(const crash::Trace& trace, size_t cut);

// Failure signature: phase + outcome + the shape of the difference (which
// managers' data went wrong, and how), independent of pages and values.
std::string failure_signature(const Workload& w, Phase phase, const Verdict& v);

// Counts one judged state into `result` (and keeps it if its signature is new).
void tally(const Workload& w, const crash::CrashState& state, Phase phase, const Verdict& v, ExploreResult* result);

ExploreResult explore_inproc(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                             const ExploreOptions& options);

}  // namespace sc

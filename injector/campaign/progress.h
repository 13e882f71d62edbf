// progress.h — the progress line of long work on stderr: a campaign's
//   campaign 00:01:23 | 120 workloads | 51234 states | 617 states/s | failures 1 new / 3 total | ETA 00:05:00
// or, for one workload (`run`, a snapshot with `run` set),
//   run 00:00:12 | cut 120/400 | 51234 states | 4100 states/s | 12 illegal | ETA 00:00:30
// or, for a mutation session (`mutate`, a snapshot with `mutants` set),
//   mutants 12/200, 34.5 s
// On a terminal it is redrawn in place every half second; otherwise (a log
// file, a cron mail) one line is printed every 10 seconds; a caller may give
// its own interval (campaign --progress-every).
// Invariants: the line goes to stderr only (or the stream given, for tests),
// so stdout stays machine-readable; off a terminal, finish() prints the
// final line unless the last line printed already showed the same counts,
// so the final state is never printed twice.
#pragma once
#include <cstdint>
#include <cstdio>
#include <optional>

#include "injector/check/explore_result.h"

namespace sc::campaign {

// Where the exploration of one workload is: at cut `cut` of `cuts`.
struct RunPosition {
  uint64_t cut = 0;
  uint64_t cuts = 0;
  uint64_t illegal = 0;  // illegal states so far
};

// How far a mutation session is: `done` of `planned` mutants checked.
struct MutantCount {
  uint64_t done = 0;
  uint64_t planned = 0;
};

struct ProgressSnapshot {
  double elapsed_s = 0;
  uint64_t workloads = 0;
  uint64_t states = 0;
  uint64_t new_failures = 0;
  uint64_t total_failures = 0;
  std::optional<double> eta_s;
  std::optional<RunPosition> run;  // set: the line of one workload (workloads and failures unused)
  std::optional<MutantCount> mutants;  // set: the line of a mutation session (only elapsed_s used besides)
};

class ProgressLine {
 public:
  // stderr, a terminal if isatty(stderr); `every`: seconds between lines (nullopt: the default above)
  explicit ProgressLine(std::optional<double> every = std::nullopt);
  ProgressLine(std::FILE* out, bool tty, std::optional<double> every = std::nullopt);
  void update(const ProgressSnapshot& s);  // rate-limited
  void finish(const ProgressSnapshot& s);  // the final line, then a newline

 private:
  void print(const ProgressSnapshot& s);
  bool same_counts(const ProgressSnapshot& s) const;
  std::FILE* out_;
  bool tty_;
  double every_;
  double last_ = -1e9;
  std::optional<ProgressSnapshot> printed_;  // the last line printed
};

// The line of one exploration (`run`, `sqlite`): its position and an ETA
// from the cuts done so far.
ProgressSnapshot run_snapshot(const ExploreProgress& p);

// The line of a mutation session (`mutate`).
ProgressSnapshot mutant_snapshot(uint64_t done, uint64_t planned, double seconds);

}  // namespace sc::campaign

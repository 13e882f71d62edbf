// progress.h — the campaign's progress line on stderr:
//   campaign 00:01:23 | 120 workloads | 51234 states | 617 states/s | failures 1 new / 3 total | ETA 00:05:00
// On a terminal it is redrawn in place every half second; otherwise (a log
// file, a cron mail) one line is printed every 10 seconds.
// Invariant: the line goes to stderr only, so stdout stays machine-readable.
#pragma once
#include <cstdint>
#include <optional>

namespace sc::campaign {

struct ProgressSnapshot {
  double elapsed_s = 0;
  uint64_t workloads = 0;
  uint64_t states = 0;
  uint64_t new_failures = 0;
  uint64_t total_failures = 0;
  std::optional<double> eta_s;
};

class ProgressLine {
 public:
  ProgressLine();
  void update(const ProgressSnapshot& s);  // rate-limited
  void finish(const ProgressSnapshot& s);  // always prints, then a newline

 private:
  void print(const ProgressSnapshot& s);
  bool tty_;
  double last_ = -1e9;
};

}  // namespace sc::campaign

// case_file.h — a failing case, kept so it replays bit for bit: a trace file
// (workload, request log with phase tags, enumeration seed, the crash state)
// whose meta holds the tier, the seeded bugs, the stable states S_0..S_k,
// the stabilisation spans and the verdict found. Tier-neutral: replay_case()
// checks the case again through any tier's Checker.
//
// Case files are content-addressed: save_case_in() names a case
//   LABEL-TIER-BUGS-HASH.trace.json
// (BUGS: the enabled seeded bugs joined by '+', or "no-bugs"; HASH: 16 hex
// digits of the checksum of the file's bytes), so two different cases never
// share a name — a printed replay command reproduces the failure it was
// printed for, whatever runs later — and the same case always gets the same
// name (rewriting it changes nothing).
#pragma once
#include <string>
#include <vector>

#include "injector/crash/trace_file.h"
#include "injector/check/checker.h"
#include "injector/check/explore_result.h"
#include "injector/check/recording.h"
#include "injector/common/seeded_bugs.h"

namespace sc {

struct Case {
  std::string path;
  Workload workload;
  SeededBugs bugs;
  crash::TraceFile file;
  std::vector<SystemState> history;
  std::vector<StabilisationSpan> spans;
};

// `text` as a file name part: characters other than letters, digits, '.',
// '_' and '-' become '_' ("case" if empty).
std::string case_label(const std::string& text);
void save_case(const std::string& path, const Workload& w, const SeededBugs& bugs, const Recording& rec,
               const StateFailure& failure, uint64_t seed, const std::string& tier = "inproc");
// Saves the case in `dir` under its content-addressed name (above), built
// from `label` (e.g. the workload's name; characters other than letters,
// digits, '.', '_' and '-' become '_'); returns its path.
std::string save_case_in(const std::string& dir, const std::string& label, const Workload& w, const SeededBugs& bugs,
                         const Recording& rec, const StateFailure& failure, uint64_t seed, const std::string& tier);
Case load_case(const std::string& path);

// Rebuilds the case's crash image and checks it again with `checker`.
Verdict replay_case(const Case& c, Checker& checker);

}  // namespace sc

// case_file.h — a failing case, kept so it replays bit for bit: a trace file
// (workload, request log with phase tags, enumeration seed, the crash state)
// whose meta holds the tier, the seeded bugs, the stable states S_0..S_k,
// the stabilisation spans and the verdict found. Tier-neutral: replay_case()
// checks the case again through any tier's Checker.
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

void save_case(const std::string& path, const Workload& w, const SeededBugs& bugs, const Recording& rec,
               const StateFailure& failure, uint64_t seed, const std::string& tier = "inproc");
Case load_case(const std::string& path);

// Rebuilds the case's crash image and checks it again with `checker`.
Verdict replay_case(const Case& c, Checker& checker);

}  // namespace sc

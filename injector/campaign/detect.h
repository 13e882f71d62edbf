// detect.h — `stablecut bench detect`: how fast does stablecut find each
// seeded bug, and does the correct system stay clean? For every target (a
// seeded bug from seeded_bug_names(), or kCorrectSystem) it runs campaigns
// (campaign.h) on the chosen tier within the per-target budget: first every
// corpus workload once with prefix crash states (one per cut) and the
// storage-fault modes the bug declares, then the whole crash model (with
// those modes) over the corpus and its mutations for the rest of the
// budget. A bug's campaigns stop at its first illegal crash state and
// only run the corpus workloads that run the buggy program (all of them
// for a kernel bug); the correct system's run the whole corpus for the
// whole budget. The first failure (the kept crash state, rebuilt exactly
// as `stablecut replay --case ID` does) is replayed on the other tier and
// its verdict compared. Every result is stored (detect_records.h) as soon
// as its target is done.
//
// Interface: detect_targets(names, tier) validates --bug names (empty: every
// seeded bug the tier can find, then the correct system; a bug only the
// in-process call-error or call-misuse modes find is left out under QEMU,
// and naming it there is an InputError); in_process_only(bug) says which
// those are (a bug that declares other modes too runs them under QEMU
// without those two); run_detect(options, interrupted,
// progress) runs them in order; passed(row) says whether a row is what a
// working tool gives: a bug detected and its first failure agreeing on the
// other tier (when replayed), the correct system without an illegal state.
// Errors: InputError for an unknown bug name, a corpus or database that
// cannot be used; an interruption ends the run after the running target
// (which is recorded with what it checked) and marks the report.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "injector/results/detect_records.h"
#include "injector/tier/tier_spec.h"

namespace sc::campaign {

// The target name of the correct system (no seeded bug).
inline constexpr const char* kCorrectSystem = "none";

struct DetectOptions {
  tier::TierSpec tier;
  double budget_s = 120;             // per target
  std::vector<std::string> targets;  // from detect_targets()
  std::string corpus_dir = "corpus/workloads";
  std::string db_path = "results/stablecut.db";
  std::string cases_dir;  // empty: "cases" beside the database
  uint64_t seed = 1;
  bool replay_other_tier = true;
  std::string command_line;
  std::string version;
};

struct DetectRow {
  std::string target;  // a seeded bug, or kCorrectSystem
  std::string corpus;  // the program whose workloads ran, or "all"
  results::DetectResult result;
};

struct DetectReport {
  std::int64_t run_id = 0;
  tier::Kind tier = tier::Kind::inproc;
  double budget_s = 0;
  std::string db_path;
  bool interrupted = false;
  std::vector<DetectRow> rows;
};

bool in_process_only(const std::string& bug);
std::vector<std::string> detect_targets(const std::vector<std::string>& names, const tier::TierSpec& tier);

DetectReport run_detect(const DetectOptions& options, const std::atomic<bool>& interrupted,
                        const std::function<void(const std::string&)>& progress);

bool passed(const DetectRow& row);

}  // namespace sc::campaign

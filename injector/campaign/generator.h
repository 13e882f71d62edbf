// generator.h — the workloads of a campaign: the corpus (every workload file
// of a directory, sorted by file name) and seeded mutations of it.
//
// Interface: load_corpus(dir, manager) reads and validates the corpus;
// make_job(corpus, master_seed, index) gives workload number `index`.
// Workloads 0..n-1 are the n corpus files as they are; workload i >= n is a
// mutation of corpus file i % n with mutation seed master_seed + i.
//
// Invariants: make_job is a pure function of (corpus, master_seed, index), so
// shards, resumed runs and merged databases all agree on what workload i is;
// its name "%06d-<parent>" is unique within a campaign.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "injector/results/records.h"
#include "injector/workload/workload.h"

namespace sc::campaign {

struct CorpusEntry {
  std::string path;
  Workload workload;
};

using Corpus = std::vector<CorpusEntry>;

// Throws InputError if the directory is missing, holds no *.json workload,
// a file is not a valid workload, or (manager not empty) no workload has a
// manager of that name or running that program (e.g. "journal"); with a
// manager, only workloads that have it are kept.
Corpus load_corpus(const std::string& dir, const std::string& manager);

struct WorkloadJob {
  uint64_t index = 0;
  std::string name;
  Workload workload;
  results::Origin origin;
  uint64_t enumeration_seed = 0;
};

// The name of workload `index` without building it.
std::string job_name(const Corpus& corpus, uint64_t index);
WorkloadJob make_job(const Corpus& corpus, uint64_t master_seed, uint64_t index);

}  // namespace sc::campaign

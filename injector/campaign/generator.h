// generator.h — the workloads of a campaign: the corpus (every workload file
// of a directory, sorted by file name) and seeded mutations of it.
//
// Interface: load_corpus(dir, manager) reads and validates the corpus;
// make_job(corpus, master_seed, index) gives workload number `index`.
// Workloads 0..n-1 are the n corpus files as they are; workload i >= n is a
// mutation with mutation seed master_seed + i of corpus file i % n, or,
// when coverage steering offers parents (steering.h), possibly of one of
// them (itself rebuilt by make_job).
//
// Invariants: make_job is a pure function of (corpus, master_seed, index,
// the steering's promoted generations below index's), so shards, resumed
// runs and merged databases all agree on what workload i is; its name
// "%06d-<corpus file's workload>" is unique within a campaign and known
// without steering.
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "injector/campaign/steering.h"
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

// Workloads already built, so a chain of steered parents is mutated once
// (thread-safe).
class JobCache {
 public:
  bool find(uint64_t index, Workload* out) const;
  void put(uint64_t index, const Workload& w);

 private:
  mutable std::mutex mutex_;
  std::map<uint64_t, Workload> workloads_;
};

// The name of workload `index` without building it.
std::string job_name(const Corpus& corpus, uint64_t index);
WorkloadJob make_job(const Corpus& corpus, uint64_t master_seed, uint64_t index, const Steering& steering = {},
                     JobCache* cache = nullptr);

}  // namespace sc::campaign

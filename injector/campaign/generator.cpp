// generator.cpp — see generator.h.
#include "injector/campaign/generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "injector/campaign/mutator.h"
#include "injector/common/input_error.h"
#include "injector/workload/workload_file.h"
#include "kernel/core/prng.h"

namespace sc::campaign {

namespace fs = std::filesystem;

namespace {

bool has_manager(const Workload& w, const std::string& name) {
  return std::any_of(w.managers.begin(), w.managers.end(),
                     [&](const ManagerSpec& m) { return m.name == name || m.program == name; });
}

std::vector<std::string> json_files(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw InputError("--corpus " + dir + ": expected a directory of workload files");
  std::vector<std::string> paths;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".json") paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) throw InputError("--corpus " + dir + ": expected at least one *.json workload file");
  return paths;
}

}  // namespace

Corpus load_corpus(const std::string& dir, const std::string& manager) {
  Corpus corpus;
  for (const auto& path : json_files(dir)) {
    Workload w = load_workload_file(path);
    if (manager.empty() || has_manager(w, manager)) corpus.push_back({path, std::move(w)});
  }
  if (corpus.empty()) throw InputError("--manager " + manager + ": expected a manager program (stablecut managers) or manager name used by some workload of " + dir);
  return corpus;
}

std::string job_name(const Corpus& corpus, uint64_t index) {
  return fmt::format("{:06}-{}", index, corpus[index % corpus.size()].workload.name);
}

bool JobCache::find(uint64_t index, Workload* out) const {
  std::lock_guard lock(mutex_);
  const auto it = workloads_.find(index);
  if (it == workloads_.end()) return false;
  *out = it->second;
  return true;
}

void JobCache::put(uint64_t index, const Workload& w) {
  std::lock_guard lock(mutex_);
  workloads_.emplace(index, w);
}

namespace {

// The parent of mutation `index`: a steered one (3 in 4, when offered), else
// its corpus file. A Prng of its own, so steering leaves the mutation's
// choices (seeded master_seed + index) as they were.
uint64_t parent_index(const Corpus& corpus, uint64_t master_seed, uint64_t index, const Steering& steering) {
  const auto offered = steered_parents(corpus.size(), steering, generation_of(corpus.size(), index));
  Prng prng(~(master_seed + index));
  if (offered.empty() || prng.below(4) == 0) return index % corpus.size();
  return offered[prng.below(offered.size())];
}

// The corpus file a chain of (steered) parents starts from.
uint64_t corpus_root(const Corpus& corpus, uint64_t master_seed, uint64_t index, const Steering& steering) {
  while (index >= corpus.size()) index = parent_index(corpus, master_seed, index, steering);
  return index;
}

}  // namespace

WorkloadJob make_job(const Corpus& corpus, uint64_t master_seed, uint64_t index, const Steering& steering,
                     JobCache* cache) {
  WorkloadJob job;
  job.index = index;
  job.name = job_name(corpus, index);
  job.enumeration_seed = master_seed + index;
  if (index < corpus.size()) {
    job.workload = corpus[index].workload;
    job.origin = results::Origin{results::OriginKind::corpus, corpus[index].path, "", 0};
    return job;
  }
  const uint64_t parent = parent_index(corpus, master_seed, index, steering);
  job.origin = results::Origin{results::OriginKind::mutation, "", job_name(corpus, parent), master_seed + index};
  if (cache && cache->find(index, &job.workload)) return job;
  const Workload from = parent < corpus.size() ? corpus[parent].workload
                                               : make_job(corpus, master_seed, parent, steering, cache).workload;
  job.workload = mutate(from, master_seed + index);
  job.workload.name =
      fmt::format("{}_m{}", corpus[corpus_root(corpus, master_seed, index, steering)].workload.name, index);
  if (cache) cache->put(index, job.workload);
  return job;
}

}  // namespace sc::campaign

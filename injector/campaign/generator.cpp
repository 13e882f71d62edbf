// generator.cpp — see generator.h.
#include "injector/campaign/generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "injector/campaign/mutator.h"
#include "injector/common/input_error.h"
#include "injector/workload/workload_file.h"

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

WorkloadJob make_job(const Corpus& corpus, uint64_t master_seed, uint64_t index) {
  const CorpusEntry& parent = corpus[index % corpus.size()];
  WorkloadJob job;
  job.index = index;
  job.name = job_name(corpus, index);
  job.enumeration_seed = master_seed + index;
  if (index < corpus.size()) {
    job.workload = parent.workload;
    job.origin = results::Origin{results::OriginKind::corpus, parent.path, "", 0};
  } else {
    job.workload = mutate(parent.workload, master_seed + index);
    job.workload.name = fmt::format("{}_m{}", parent.workload.name, index);
    job.origin = results::Origin{results::OriginKind::mutation, "", job_name(corpus, index % corpus.size()), master_seed + index};
  }
  return job;
}

}  // namespace sc::campaign

// mutator_test.cpp — seeded mutation is deterministic, always valid, and
// actually changes workloads (reads and the highest page numbers included);
// workload i of a campaign is a pure function.
#include <gtest/gtest.h>

#include "injector/campaign/generator.h"
#include "injector/campaign/mutator.h"
#include "injector/workload/workload_file.h"
#include "kernel/core/limits.h"
#include "managers/registry/registry.h"

namespace sc::campaign::testing {

namespace {

TEST(CampaignMutator, DeterministicValidAndVaried) {
  const Corpus corpus = load_corpus(STABLECUT_CORPUS, "");
  constexpr uint64_t kMutations = 100;
  size_t changed = 0;
  for (uint64_t i = 0; i < corpus.size() + kMutations; ++i) {
    const WorkloadJob a = make_job(corpus, 42, i), b = make_job(corpus, 42, i);
    EXPECT_EQ(workload_to_json(a.workload), workload_to_json(b.workload)) << i;
    EXPECT_NO_THROW(validated(a.workload)) << i;
    const Workload& parent = corpus[i % corpus.size()].workload;
    Workload renamed = a.workload;
    renamed.name = parent.name;
    const bool differs = workload_to_json(renamed) != workload_to_json(parent);
    if (i < corpus.size()) EXPECT_FALSE(differs) << "workload " << i << " is corpus file " << i << " as it is";
    else if (differs) ++changed;
  }
  EXPECT_GT(changed, kMutations * 8 / 10) << "of " << kMutations << " mutations";
}

TEST(CampaignMutator, ManagerFilterKeepsOnlyWorkloadsWithThatManager) {
  const Corpus all = load_corpus(STABLECUT_CORPUS, "");
  const Corpus some = load_corpus(STABLECUT_CORPUS, "M");
  EXPECT_LE(some.size(), all.size());
  for (const auto& e : some) {
    bool has = false;
    for (const auto& m : e.workload.managers) has |= m.name == "M";
    EXPECT_TRUE(has) << e.path;
  }
}

TEST(CampaignMutator, ManagerFilterAlsoMatchesTheProgram) {
  const Corpus shadow = load_corpus(STABLECUT_CORPUS, "shadow");
  for (const auto& e : shadow) {
    bool has = false;
    for (const auto& m : e.workload.managers) has |= m.program == "shadow";
    EXPECT_TRUE(has) << e.path;
  }
  EXPECT_FALSE(shadow.empty());
}

// Mutation inserts stabilise ops for every self-managing manager, whatever
// program it runs (a mutator that only knew the shadow program would never
// stabilise another one).
TEST(CampaignMutator, InsertsStabiliseForEverySelfManagingProgram) {
  for (uint32_t i = 0; i < registered_manager_count(); ++i) {
    const ManagerProgram& p = registered_manager(i);
    if (p.role != ManagerRole::self_managing) continue;
    Workload parent = load_workload_file(std::string(STABLECUT_CORPUS) + "/basic.json");
    parent.managers[0].program = p.name;
    size_t stabilises = 0;
    for (uint64_t seed = 0; seed < 200; ++seed) {
      const Workload child = mutate(parent, seed);
      for (const auto& step : child.steps)
        for (const auto& l : step.loci)
          for (const auto& op : l.ops) stabilises += op.kind == OpKind::stabilise && op.manager == 0;
    }
    size_t parent_stabilises = 0;
    for (const auto& step : parent.steps)
      for (const auto& l : step.loci)
        for (const auto& op : l.ops) parent_stabilises += op.kind == OpKind::stabilise;
    EXPECT_GT(stabilises, 200 * parent_stabilises) << p.name;
  }
}

size_t count_ops(const Workload& w, bool (*pred)(const Op&)) {
  size_t n = 0;
  for (const auto& step : w.steps)
    for (const auto& l : step.loci)
      for (const auto& op : l.ops) n += pred(op);
  return n;
}

// Mutations add reads (of pages never written, or of containers a crash
// removed) and touch the highest page numbers, which the corpus rarely does.
TEST(CampaignMutator, AddsReadsAndReachesTheHighestPageNumbers) {
  const Workload parent = load_workload_file(std::string(STABLECUT_CORPUS) + "/basic.json");
  const auto is_read = [](const Op& op) { return op.kind == OpKind::read; };
  const auto is_high = [](const Op& op) {
    return (op.kind == OpKind::write || op.kind == OpKind::read) && op.page >= kMaxPageNumber - 16;
  };
  size_t more_reads = 0, high = 0;
  for (uint64_t seed = 0; seed < 200; ++seed) {
    const Workload child = mutate(parent, seed);
    more_reads += count_ops(child, is_read) > count_ops(parent, is_read);
    high += count_ops(child, is_high) > count_ops(parent, is_high);
  }
  EXPECT_GT(more_reads, 20u);
  EXPECT_GT(high, 5u);
}

}  // namespace

}  // namespace sc::campaign::testing

// mutator_test.cpp — seeded mutation is deterministic, always valid, and
// actually changes workloads; workload i of a campaign is a pure function.
#include <gtest/gtest.h>

#include "injector/campaign/generator.h"
#include "injector/campaign/mutator.h"
#include "injector/workload/workload_file.h"

namespace sc::campaign::testing {

namespace {

TEST(CampaignMutator, DeterministicValidAndVaried) {
  const Corpus corpus = load_corpus(STABLECUT_CORPUS, "");
  size_t changed = 0;
  for (uint64_t i = 0; i < 100; ++i) {
    const WorkloadJob a = make_job(corpus, 42, i), b = make_job(corpus, 42, i);
    EXPECT_EQ(workload_to_json(a.workload), workload_to_json(b.workload)) << i;
    EXPECT_NO_THROW(validated(a.workload)) << i;
    const Workload& parent = corpus[i % corpus.size()].workload;
    Workload renamed = a.workload;
    renamed.name = parent.name;
    if (workload_to_json(renamed) != workload_to_json(parent)) ++changed;
  }
  EXPECT_GT(changed, 80u);
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

}  // namespace

}  // namespace sc::campaign::testing

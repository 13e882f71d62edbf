// coverage_test.cpp — campaign coverage (injector/coverage,
// injector/campaign/coverage_*.h, results/coverage.h) and steering
// (steering.h): the counters name real source lines of the kernel core and
// the managers; a campaign stores which it ran, unions on resume, and the
// report lists them; steering changes which parents mutations take, and
// only after a generation reached new edges.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>

#include "injector/campaign/campaign.h"
#include "injector/campaign/coverage_summary.h"
#include "injector/campaign/generator.h"
#include "injector/campaign/report.h"
#include "injector/coverage/counters.h"
#include "injector/coverage/symbolize.h"
#include "injector/results/coverage.h"
#include "injector/workload/workload_file.h"
#include "tests/support/temp_dir.h"

namespace sc::campaign {
namespace {

namespace fs = std::filesystem;
const fs::path kCorpus = fs::path(STABLECUT_SOURCE_DIR) / "corpus/workloads";

bool any_file(const std::vector<results::CoverageEdge>& edges, const std::string& file, bool hit) {
  return std::any_of(edges.begin(), edges.end(), [&](const auto& e) { return e.file == file && e.hit == hit; });
}

TEST(CoverageSummary, CountsLinesOnceAndGroupsUnreachedLinesInRanges) {
  const std::vector<results::CoverageEdge> edges = {
      {"managers/shadow/a.cpp", 10, 3, 0, true},  {"managers/shadow/a.cpp", 10, 9, 0, false},
      {"managers/shadow/a.cpp", 11, 3, 0, false}, {"managers/shadow/a.cpp", 12, 3, 0, false},
      {"managers/shadow/a.cpp", 14, 3, 0, true},  {"managers/shadow/a.cpp", 15, 3, 0, false},
      {"kernel/core/k.cpp", 1, 1, 0, true}};
  const auto parts = summarize(edges);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].part, "kernel/core");
  const CoveragePart& shadow = parts[1];
  EXPECT_EQ(shadow.part, "managers/shadow");
  EXPECT_EQ(shadow.lines, 5u);
  EXPECT_EQ(shadow.lines_hit, 2u);
  EXPECT_EQ(shadow.edges, 6u);
  EXPECT_EQ(shadow.edges_hit, 2u);
  EXPECT_EQ(shadow.unreached, (std::vector<std::string>{"managers/shadow/a.cpp:11-12", "managers/shadow/a.cpp:15"}));
  EXPECT_EQ(format_percentages(parts), "managers/ lines 40.0% (2/5), branches 33.3% (2/6); "
                                       "kernel/core lines 100.0% (1/1), branches 100.0% (1/1)");
}

TEST(CoverageSummary, SourcePathsAreRelativeToTheTreeWhateverCheckoutBuiltThem) {
  EXPECT_EQ(coverage::source_relative("/work/wt-x/build/../managers/shadow/s.cpp"), "managers/shadow/s.cpp");
  EXPECT_EQ(coverage::source_relative("/a/kernel/core/boot.cpp"), "kernel/core/boot.cpp");
  EXPECT_EQ(coverage::source_relative("/usr/include/c++/12/bits/stl_algo.h"), "");
}

TEST(CoverageCounters, NameLinesOfTheKernelCoreAndTheManagers) {
  if (coverage::edge_count() == 0) GTEST_SKIP() << "built without STABLECUT_COVERAGE";
  ASSERT_TRUE(coverage::symbolizer_problem().empty()) << coverage::symbolizer_problem();
  const auto& sites = coverage::edge_sites();
  auto has = [&](const std::string& file) {
    return std::any_of(sites.begin(), sites.end(), [&](const auto& s) { return s.file == file && s.line > 0; });
  };
  EXPECT_TRUE(has("kernel/core/stabilise.cpp"));
  EXPECT_TRUE(has("managers/shadow/shadow_snapshot.cpp"));
  EXPECT_TRUE(has("managers/journal/journal_recover.cpp"));
}

TEST(CoverageStore, ResumeUnionsAnEdgeOnceHitStaysHit) {
  test::TempDir dir;
  auto db = results::ResultsDb::open(dir.file("c.db"), results::OpenMode::create);
  const auto c = db.begin_campaign(results::CampaignSpec{"n", results::Tier::inproc, "all", 1, 0, 1, 0, "", "", "{}"});
  results::record_coverage(db, c.id, {{"managers/x.cpp", 3, 1, 0, true}, {"managers/x.cpp", 4, 1, 0, false}});
  results::record_coverage(db, c.id, {{"managers/x.cpp", 3, 1, 0, false}, {"managers/x.cpp", 4, 1, 0, true}});
  const auto edges = results::coverage(db, c.id);
  ASSERT_EQ(edges.size(), 2u);
  EXPECT_TRUE(edges[0].hit);
  EXPECT_TRUE(edges[1].hit);
}

CampaignOptions small_campaign(const test::TempDir& dir, bool steer) {
  fs::create_directories(dir.file("corpus"));
  fs::copy_file(kCorpus / "basic.json", dir.file("corpus/basic.json"));
  fs::copy_file(kCorpus / "journal_basic.json", dir.file("corpus/journal_basic.json"));
  CampaignOptions o;
  o.corpus_dir = dir.file("corpus");
  o.db_path = dir.file("c.db");
  o.seed = 5;
  o.jobs = 2;
  o.states_per_workload = 40;
  o.max_workloads = 2 + 4 * kGenerationSize;
  o.steer = steer;
  o.minimize = false;
  return o;
}

TEST(CampaignCoverage, IsStoredReportedAndSteersMutationsToPromotedGenerations) {
  if (coverage::edge_count() == 0) GTEST_SKIP() << "built without STABLECUT_COVERAGE";
  test::TempDir dir;
  const std::atomic<bool> stop{false};
  const CampaignSummary s = run_campaign(small_campaign(dir, true), stop);
  EXPECT_NE(s.coverage.find("managers/ lines"), std::string::npos) << s.coverage;
  const auto db = results::ResultsDb::open(dir.file("c.db"), results::OpenMode::read_only);
  const auto edges = results::coverage(db, s.campaign_id);
  EXPECT_TRUE(any_file(edges, "managers/shadow/shadow_recover.cpp", true));
  EXPECT_TRUE(any_file(edges, "managers/journal/journal_recover.cpp", true));
  EXPECT_TRUE(std::any_of(edges.begin(), edges.end(), [](const auto& e) { return !e.hit; }));
  const auto generations = results::generations(db, s.campaign_id);
  ASSERT_EQ(generations.size(), 5u) << "the corpus and 4 generations of mutations";
  EXPECT_GT(generations[0].new_edges, 0u) << "the corpus reaches edges";
  const nlohmann::json report = coverage_json(db);
  ASSERT_FALSE(report.is_null());
  EXPECT_EQ(report["campaign"], s.campaign_id);
  EXPECT_NE(coverage_html(report).find("managers/shadow"), std::string::npos);
}

// Steering is a pure function of the promoted generations: with generation
// 1 promoted, some mutation of generation 3 takes a generation-1 workload
// as parent; without, every parent is a corpus file; and the same inputs
// give the same job.
TEST(Steering, PromotedGenerationsBecomeParentsDeterministically) {
  test::TempDir dir;
  const Corpus corpus = load_corpus(small_campaign(dir, true).corpus_dir, "");
  JobCache cache;
  const uint64_t n = corpus.size();
  Steering on;
  on.enabled = true;
  on.promoted = {1};
  const Steering off;
  size_t steered = 0;
  for (uint64_t i = n + 2 * kGenerationSize; i < n + 3 * kGenerationSize; ++i) {
    ASSERT_EQ(generation_of(n, i), 3u);
    const WorkloadJob plain = make_job(corpus, 9, i, off);
    EXPECT_EQ(plain.origin.parent_name, job_name(corpus, i % n));
    const WorkloadJob job = make_job(corpus, 9, i, on, &cache);
    if (job.origin.parent_name != plain.origin.parent_name) {
      ++steered;
      const uint64_t parent = std::stoull(job.origin.parent_name.substr(0, 6));
      EXPECT_EQ(generation_of(n, parent), 1u) << job.origin.parent_name;
    }
    EXPECT_EQ(workload_to_json(make_job(corpus, 9, i, on).workload), workload_to_json(job.workload));
  }
  EXPECT_GT(steered, kGenerationSize / 2) << "3 in 4 mutations take a steered parent";
  EXPECT_TRUE(steered_parents(n, on, 1).empty()) << "a generation never steers by itself or later ones";
}

}  // namespace
}  // namespace sc::campaign

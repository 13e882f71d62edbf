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
#include <sstream>

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

// A manager built in from a folder outside the tree (STABLECUT_MANAGER_DIRS)
// is a part of managers/ under its folder's name.
TEST(CoverageSummary, AnOutOfTreeManagerCountsUnderItsFolderName) {
  const std::vector<std::string> mine = {"/home/me/mine/", "/srv/x/other"};
  EXPECT_EQ(coverage::source_relative("/home/me/mine/m.cpp", mine), "managers/mine/m.cpp");
  EXPECT_EQ(coverage::source_relative("/srv/x/build/../other/sub/o.cpp", mine), "managers/other/sub/o.cpp");
  EXPECT_EQ(coverage::source_relative("/home/me/mine2/m.cpp", mine), "");
  EXPECT_EQ(coverage::source_relative("/home/me/tree/managers/shadow/s.cpp", mine), "managers/shadow/s.cpp");
}

TEST(CoverageSummary, SeededBugFilesAreAPartOfTheirOwnOutsideTheTotals) {
  const std::vector<results::CoverageEdge> edges = {{"managers/shadow/a.cpp", 10, 3, 0, true},
                                                    {"managers/shadow/shadow_seeded_bugs.cpp", 5, 3, 0, false},
                                                    {"kernel/core/seeded_bugs.cpp", 7, 1, 0, false}};
  const auto parts = summarize(edges);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[1].part, "seeded-bug code (runs only with --bug)");
  EXPECT_EQ(parts[1].lines, 2u);
  EXPECT_EQ(format_percentages(parts), "managers/ lines 100.0% (1/1), branches 100.0% (1/1); "
                                       "seeded-bug code (runs only with --bug) lines 0.0% (0/2), branches 0.0% (0/2)");
}

// llvm-symbolizer's answers for four edges: find_entry's out-of-line copy
// (edges 0 and 1), the same function inlined into page_fault (edge 2), and
// page_fault's own code (edge 3).
constexpr const char* kInlinedAnswers =
    "sc::ShadowManager::find_entry(unsigned short, unsigned int) const\n"
    "/src/managers/shadow/shadow_manager.cpp:41:0\n\n"
    "sc::ShadowManager::find_entry(unsigned short, unsigned int) const\n"
    "/src/managers/shadow/shadow_manager.cpp:43:7\n\n"
    "find_entry\n"
    "/src/managers/shadow/shadow_manager.cpp:43:7\n"
    "sc::ShadowManager::page_fault(sc::Upcall const&)\n"
    "/src/managers/shadow/shadow_manager.cpp:48:17\n\n"
    "sc::ShadowManager::page_fault(sc::Upcall const&)\n"
    "/src/managers/shadow/shadow_manager.cpp:49:7\n\n";

TEST(CoverageSites, AnOutOfLineCopyOfAnInlinedFunctionCreditsTheInlinedBody) {
  std::istringstream answers(kInlinedAnswers), no_debug_info;
  const auto sites = coverage::sites_from_answers(answers, no_debug_info, 4);
  ASSERT_EQ(sites.size(), 4u);
  EXPECT_EQ(sites[0].file, "");  // the copy's entry line: no inlined body to stand for it
  EXPECT_EQ(sites[0].credits, coverage::kNoEdge);
  EXPECT_EQ(sites[1].file, "");
  EXPECT_EQ(sites[1].credits, 2u);  // a call of the copy counts for the inlined line 43
  EXPECT_EQ(sites[2].file, "managers/shadow/shadow_manager.cpp");
  EXPECT_EQ(sites[2].line, 43u);
  EXPECT_EQ(sites[2].credits, 2u);
  EXPECT_EQ(sites[3].line, 49u);
  EXPECT_EQ(sites[3].credits, 3u);
}

TEST(CoverageSites, AFunctionNeverInlinedCountsItsOwnEdgesAndTooFewAnswersGiveNone) {
  std::istringstream answers("sc::Kernel::boot()\n/src/kernel/core/boot.cpp:12:3\n\n"), no_debug_info;
  const auto sites = coverage::sites_from_answers(answers, no_debug_info, 1);
  ASSERT_EQ(sites.size(), 1u);
  EXPECT_EQ(sites[0].file, "kernel/core/boot.cpp");
  EXPECT_EQ(sites[0].credits, 0u);
  std::istringstream short_answers("sc::Kernel::boot()\n/src/kernel/core/boot.cpp:12:3\n\n");
  EXPECT_TRUE(coverage::sites_from_answers(short_answers, no_debug_info, 2).empty());
}

// llvm-dwarfdump --debug-info lines: a compile unit of `source`, and an
// inlined subroutine whose abstract origin is named `origin`.
std::string compile_unit(const std::string& source) {
  return "0x0000000c: DW_TAG_compile_unit\n              DW_AT_producer\t(\"Debian clang version 14.0.6\")\n"
         "              DW_AT_name\t(\"../../" + source + "\")\n";
}
std::string inlined_subroutine(const std::string& origin) {
  return "0x00000037:     DW_TAG_inlined_subroutine\n"
         "                  DW_AT_abstract_origin\t(0x0000002b \"" + origin + "\")\n";
}

// Names as the tools print them: a function of an anonymous namespace is
// the bare name its inlined frames carry; full debug info names an inlined
// function by its linkage name; a lambda is never folded.
TEST(CoverageSites, AnonymousNamespacesAreSeenThroughAndLambdasNeverFold) {
  std::istringstream answers(
      "sc::journal::(anonymous namespace)::seal(unsigned char*)\n/src/managers/journal/journal_format.cpp:20:0\n\n"
      "seal\n/src/managers/journal/journal_format.cpp:21:5\n"
      "sc::journal::encode_header(sc::journal::TxnHeader const&, unsigned char*)\n"
      "/src/managers/journal/journal_format.cpp:40:3\n\n"
      "sc::journal::encode_header(sc::journal::TxnHeader const&, unsigned char*)::$_0::operator()(int) const\n"
      "/src/managers/journal/journal_format.cpp:41:0\n\n");
  std::istringstream debug_info(compile_unit("managers/journal/journal_format.cpp") +
                                inlined_subroutine("_ZN2sc7journal13encode_headerERKNS0_9TxnHeaderEPh"));
  const auto sites = coverage::sites_from_answers(answers, debug_info, 3);
  ASSERT_EQ(sites.size(), 3u);
  EXPECT_EQ(sites[0].file, "");  // seal's out-of-line copy: seal is inlined into encode_header
  EXPECT_EQ(sites[1].file, "");  // encode_header's out-of-line copy: the debug info has it inlined
  EXPECT_EQ(sites[1].credits, coverage::kNoEdge);
  EXPECT_EQ(sites[2].file, "managers/journal/journal_format.cpp");  // its lambda is not encode_header
}

// A function inlined without an edge of its own shows only in the debug
// info: failed() (a header's, inlined into any unit) and commit_cut
// (inlined in its own unit, stabilise.cpp); boot.cpp's commit_cut would be
// another function.
TEST(CoverageSites, TheDebugInfosInlinedSubroutinesFoldCopiesWithoutInlinedEdges) {
  std::istringstream answers(
      "sc::failed(sc::Status)\n/src/kernel/core/status.h:27:0\n\n"
      "sc::Kernel::commit_cut(sc::CutRecord const&)\n/src/kernel/core/stabilise.cpp:104:0\n\n"
      "sc::Kernel::commit_cut(sc::CutRecord const&)\n/src/kernel/core/boot.cpp:30:0\n\n");
  std::istringstream debug_info(compile_unit("kernel/core/stabilise.cpp") +
                                "0x0000002b:   DW_TAG_subprogram\n                DW_AT_name\t(\"commit_cut\")\n" +
                                inlined_subroutine("commit_cut") + inlined_subroutine("failed"));
  const auto sites = coverage::sites_from_answers(answers, debug_info, 3);
  ASSERT_EQ(sites.size(), 3u);
  EXPECT_EQ(sites[0].file, "");
  EXPECT_EQ(sites[1].file, "");
  EXPECT_EQ(sites[2].file, "kernel/core/boot.cpp");
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

// boundary_test.cpp — the shipped corpus reaches the boundaries
// docs/managers.md ("Boundaries a corpus must reach") lists, and each
// boundary workload does what its description says. Every claim is checked
// on a real in-process run of the workload (the correct managers, no seeded
// bug): the executed ops and their statuses, the stable states S_k the
// reference model computed from them, and the manager's on-disk structures
// in the final durable image. A workload that no longer reaches its
// boundary (fewer stabilisations, no refusal, a shallower hierarchy, one
// map block) fails here.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "injector/crash/crash_image.h"
#include "injector/crash/recording_disk.h"
#include "injector/inproc/explore.h"
#include "injector/inproc/recording.h"
#include "injector/inproc/workload_runner.h"
#include "injector/workload/page_content.h"
#include "injector/workload/workload_file.h"
#include "managers/journal/journal_format.h"
#include "managers/shadow/shadow_format.h"

namespace sc {
namespace {

const std::filesystem::path kCorpus = std::filesystem::path(STABLECUT_SOURCE_DIR) / "corpus/workloads";

// One in-process run of a corpus workload with everything the checks read.
struct WorkloadRun {
  Workload workload;
  std::vector<Event> events;
  std::vector<SystemState> history;  // S_0..S_k
  std::vector<std::string> findings;
  crash::Trace trace;
};

WorkloadRun run_workload(const std::string& name) {
  Workload w = load_workload_file((kCorpus / (name + ".json")).string());
  crash::RecordingDisk disk(w.disk_sectors());
  WorkloadRunner runner(
      w, disk, [&disk] { disk.flush(); }, RunOptions{}, [&disk] { return uint64_t{disk.trace().requests().size()}; });
  std::vector<std::string> findings = runner.run().findings;
  std::vector<SystemState> history;
  for (size_t k = 0; k <= runner.model().stabilisations(); ++k) history.push_back(runner.model().stable(k));
  return WorkloadRun{w, runner.events(), std::move(history), std::move(findings), disk.trace()};
}

size_t crash_steps(const Workload& w) {
  return static_cast<size_t>(std::count_if(w.steps.begin(), w.steps.end(), [](const Step& s) { return s.crash; }));
}

size_t stabilisations_with(const WorkloadRun& r, Status status) {
  return static_cast<size_t>(std::count_if(r.events.begin(), r.events.end(), [&](const Event& e) {
    return e.kind == OpKind::stabilise && e.status == status;
  }));
}

size_t most_pages_stable(const WorkloadRun& r) {
  size_t most = 0;
  for (const SystemState& s : r.history) {
    size_t pages = 0;
    for (const auto& [container, map] : s) pages += map.size();
    most = std::max(most, pages);
  }
  return most;
}

bool stable_has(const WorkloadRun& r, ContainerId container, uint32_t page) {
  return std::any_of(r.history.begin(), r.history.end(), [&](const SystemState& s) {
    const auto it = s.find(container);
    return it != s.end() && it->second.count(page) != 0;
  });
}

// Depth of the managed_by chain below the self-managing manager.
size_t depth(const Workload& w, ManagerId m) {
  size_t d = 0;
  while (!w.managers[m].self_managing()) {
    ++d;
    m = w.managed_by(m);
  }
  return d;
}

// The map block count of the newest shadow checkpoint in manager 0's
// partition of the final durable image (every block that decodes as a
// checkpoint is a candidate; the highest generation wins).
uint32_t newest_checkpoint_map_blocks(const WorkloadRun& r) {
  const crash::CrashImage image(r.trace, crash::CrashState{r.trace.requests().size(), crash::Mode::prefix, {}, {}});
  const BootConfig config = boot_config(r.workload, SeededBugs{});
  const uint64_t start = config.managers[0].partition_start;
  const uint64_t blocks = config.managers[0].partition_sectors / kSectorsPerPage;
  uint64_t best_generation = 0;
  uint32_t map_blocks = 0;
  std::vector<uint8_t> block(kPageSize);
  for (uint64_t b = 0; b < blocks; ++b) {
    for (uint32_t s = 0; s < kSectorsPerPage; ++s)
      image.view().read_sector(start + b * kSectorsPerPage + s, block.data() + s * 512);
    shadow::Checkpoint cp{};
    if (shadow::decode_checkpoint(block.data(), blocks, &cp) != Status::ok || cp.generation < best_generation) continue;
    best_generation = cp.generation;
    map_blocks = cp.map_block_count;
  }
  return map_blocks;
}

uint64_t illegal_states(const WorkloadRun& r, uint64_t max_states) {
  const Recording rec = record_inproc(r.workload, SeededBugs{});
  ExploreOptions options;
  options.enumerate.modes = crash::only(crash::Mode::prefix) | crash::only(crash::Mode::reorder);
  options.max_states = max_states;
  const ExploreResult x = explore_inproc(r.workload, SeededBugs{}, rec, options);
  EXPECT_GT(x.states, 0u);
  return x.illegal;
}

class LongRun : public testing::TestWithParam<const char*> {};

TEST_P(LongRun, HundredsOfStabilisationsAndSeveralCrashCyclesOnASmallPartition) {
  const WorkloadRun r = run_workload(GetParam());
  EXPECT_TRUE(r.findings.empty()) << r.findings.front();
  EXPECT_GE(r.history.size() - 1, 200u) << "successful stabilisations";
  EXPECT_EQ(stabilisations_with(r, Status::no_space), 0u) << "a long run must not run out of space (a leak?)";
  EXPECT_GE(crash_steps(r.workload), 3u);
  EXPECT_EQ(r.workload.managers[0].partition_blocks, kMinPartitionBlocks);
}

INSTANTIATE_TEST_SUITE_P(Corpus, LongRun, testing::Values("shadow_long_run", "journal_long_run"));

class FullPartition : public testing::TestWithParam<const char*> {};

TEST_P(FullPartition, AStabilisationIsRefusedWithNoSpaceAndTheSystemStaysLegal) {
  const WorkloadRun r = run_workload(GetParam());
  EXPECT_TRUE(r.findings.empty()) << r.findings.front();
  EXPECT_GE(stabilisations_with(r, Status::no_space), 1u);
  const auto refused = std::find_if(r.events.begin(), r.events.end(), [](const Event& e) {
    return e.kind == OpKind::stabilise && e.status == Status::no_space;
  });
  EXPECT_TRUE(std::any_of(refused, r.events.end(), [](const Event& e) {
    return e.kind == OpKind::stabilise && e.status == Status::ok;
  })) << "a stabilisation after the refusal (and the crash step, K5) succeeds";
  EXPECT_EQ(illegal_states(r, 1500), 0u);
}

INSTANTIATE_TEST_SUITE_P(Corpus, FullPartition, testing::Values("shadow_full_partition", "journal_full_partition"));

class Limits : public testing::TestWithParam<const char*> {};

TEST_P(Limits, TheLargestContainerIdAndPageNumberBecomeStable) {
  const WorkloadRun r = run_workload(GetParam());
  EXPECT_TRUE(r.findings.empty()) << r.findings.front();
  EXPECT_EQ(r.workload.container_names.size(), kMaxContainers);
  const ContainerId last = kMaxContainers - 1;
  EXPECT_TRUE(stable_has(r, last, kMaxPageNumber - 1)) << "container " << last << " page " << kMaxPageNumber - 1;
  EXPECT_TRUE(stable_has(r, 1, kMaxPageNumber - 1)) << "container 1 page " << kMaxPageNumber - 1;
}

INSTANTIATE_TEST_SUITE_P(Corpus, Limits, testing::Values("shadow_limits", "journal_limits"));

class DeepHierarchy : public testing::TestWithParam<const char*> {};

TEST_P(DeepHierarchy, ThreeLevelsOfManagedManagersKeepTheirData) {
  const WorkloadRun r = run_workload(GetParam());
  EXPECT_TRUE(r.findings.empty()) << r.findings.front();
  ManagerId deepest = 0;
  for (ManagerId m = 0; m < r.workload.managers.size(); ++m)
    if (depth(r.workload, m) > depth(r.workload, deepest)) deepest = m;
  EXPECT_GE(depth(r.workload, deepest), 3u);
  std::set<ContainerId> of_deepest;
  for (const Event& e : r.events)
    if (e.kind == OpKind::create && e.manager == deepest && e.status == Status::ok) of_deepest.insert(e.container);
  ASSERT_FALSE(of_deepest.empty()) << "no container of the deepest manager";
  EXPECT_TRUE(stable_has(r, *of_deepest.begin(), 0)) << "the deepest level's pages become stable";
}

INSTANTIATE_TEST_SUITE_P(Corpus, DeepHierarchy, testing::Values("shadow_deep_hierarchy", "journal_deep_hierarchy"));

TEST(ManyLoci, SixteenLociRunInOneStepAndTheirWritesBecomeStable) {
  const WorkloadRun r = run_workload("many_loci");
  EXPECT_TRUE(r.findings.empty()) << r.findings.front();
  size_t most = 0;
  for (const Step& s : r.workload.steps) most = std::max(most, s.loci.size());
  EXPECT_EQ(most, kMaxLoci);
  std::set<ContainerId> written;
  for (const Event& e : r.events)
    if (e.kind == OpKind::write && e.status == Status::ok) written.insert(e.container);
  for (ContainerId c : written) EXPECT_TRUE(stable_has(r, c, 1)) << "container " << c;
  EXPECT_GE(written.size(), kMaxLoci - 1);
}

TEST(MapBlocks, ShadowPageMapSpansSeveralMapBlocksOnDisk) {
  const WorkloadRun r = run_workload("shadow_many_pages");
  EXPECT_TRUE(r.findings.empty()) << r.findings.front();
  EXPECT_GE(newest_checkpoint_map_blocks(r), 2u);
}

TEST(MapBlocks, JournalDirectorySpansSeveralDirectoryBlocks) {
  const WorkloadRun r = run_workload("journal_many_pages");
  EXPECT_TRUE(r.findings.empty()) << r.findings.front();
  EXPECT_GT(most_pages_stable(r), 169u) << "more entries than one directory block holds";
}

size_t events_with(const WorkloadRun& r, OpKind kind, Status status) {
  return static_cast<size_t>(std::count_if(r.events.begin(), r.events.end(), [&](const Event& e) {
    return e.kind == kind && e.status == status;
  }));
}

// Reads that returned zeros from a page no op of the workload ever wrote,
// per manager of the container read.
std::set<ManagerId> managers_serving_fresh_pages(const WorkloadRun& r) {
  std::set<std::pair<ContainerId, uint32_t>> written;
  std::map<ContainerId, ManagerId> manager_of;
  for (const Event& e : r.events) {
    if (e.kind == OpKind::write && e.status == Status::ok) written.insert({e.container, e.page});
    if (e.kind == OpKind::create && e.status == Status::ok) manager_of[e.container] = e.manager;
  }
  std::set<ManagerId> out;
  for (const Event& e : r.events)
    if (e.kind == OpKind::read && e.status == Status::ok && e.hash == zero_page_hash() &&
        written.count({e.container, e.page}) == 0 && manager_of.count(e.container) != 0)
      out.insert(manager_of.at(e.container));
  return out;
}

class FreshAndVanished : public testing::TestWithParam<const char*> {};

TEST_P(FreshAndVanished, UnwrittenPagesReadAsZerosAndAContainerLostInACrashIsGone) {
  const WorkloadRun r = run_workload(GetParam());
  EXPECT_TRUE(r.findings.empty()) << r.findings.front();
  EXPECT_EQ(managers_serving_fresh_pages(r).size(), r.workload.managers.size()) << "every manager serves a fresh page";
  EXPECT_GE(events_with(r, OpKind::read, Status::not_found), 1u) << "a read of a container lost in the crash";
  EXPECT_GE(events_with(r, OpKind::create, Status::exists), 1u) << "a create of a container that survived";
  EXPECT_GE(crash_steps(r.workload), 1u);
  EXPECT_EQ(illegal_states(r, 1500), 0u);
}

INSTANTIATE_TEST_SUITE_P(Corpus, FreshAndVanished,
                         testing::Values("shadow_fresh_and_vanished", "journal_fresh_and_vanished"));

// The refused transaction has a home slot for every page but more records
// than the redo log holds (header + pages + directory + catalog + commit).
TEST(LogFull, AJournalTransactionThatFitsTheSlotsButNotTheLogIsRefused) {
  const WorkloadRun r = run_workload("journal_log_full");
  EXPECT_TRUE(r.findings.empty()) << r.findings.front();
  journal::Geometry g{};
  ASSERT_EQ(journal::make_geometry(r.workload.managers[0].partition_blocks, &g), Status::ok);
  const auto refused = std::find_if(r.events.begin(), r.events.end(), [](const Event& e) {
    return e.kind == OpKind::stabilise && e.status == Status::no_space;
  });
  ASSERT_NE(refused, r.events.end());
  std::set<std::pair<ContainerId, uint32_t>> pages;
  for (auto e = r.events.begin(); e != refused; ++e)
    if (e->kind == OpKind::write && e->status == Status::ok) pages.insert({e->container, e->page});
  EXPECT_LE(pages.size(), g.slots) << "every page has a home slot";
  EXPECT_GT(pages.size() + 4, g.log_blocks) << "the transaction's records exceed the log";
  EXPECT_TRUE(std::any_of(refused, r.events.end(), [](const Event& e) {
    return e.kind == OpKind::stabilise && e.status == Status::ok;
  })) << "a stabilisation after the refusal (and the crash step, K5) succeeds";
  EXPECT_EQ(illegal_states(r, 1500), 0u);
}

}  // namespace
}  // namespace sc

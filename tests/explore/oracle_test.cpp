// The oracle's pieces on hand-made inputs: legal windows from stabilisation
// spans, classification of recovered states, and fsck on damaged media.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <array>

#include "injector/oracle/fsck.h"
#include "injector/oracle/verdict.h"
#include "injector/workload/json_field.h"
#include "injector/workload/workload_file.h"
#include "kernel/core/root_store.h"
#include "kernel/hosted/mem_disk.h"
#include "injector/inproc/workload_runner.h"

namespace sc {
namespace {

TEST(LegalWindow, CutsBeforeInsideAndAfterStabilisations) {
  const std::vector<StabilisationSpan> spans{{10, 20}, {30, 40}};
  auto w = [&](uint64_t cut) { const LegalWindow l = legal_window(spans, cut); return std::pair{l.previous, l.current}; };
  EXPECT_EQ(w(0), (std::pair<size_t, size_t>{0, 0}));
  EXPECT_EQ(w(10), (std::pair<size_t, size_t>{0, 0}));   // nothing of stabilisation 1 issued yet
  EXPECT_EQ(w(11), (std::pair<size_t, size_t>{0, 1}));
  EXPECT_EQ(w(19), (std::pair<size_t, size_t>{0, 1}));
  EXPECT_EQ(w(20), (std::pair<size_t, size_t>{1, 1}));   // returned: committed
  EXPECT_EQ(w(35), (std::pair<size_t, size_t>{1, 2}));
  EXPECT_EQ(w(99), (std::pair<size_t, size_t>{2, 2}));
}

TEST(LegalWindow, ChangesExactlyWhereWindowChangesSaysSo) {
  const std::vector<StabilisationSpan> spans{{10, 20}, {20, 25}, {30, 31}};
  const std::vector<uint64_t> changes = window_changes(spans);
  EXPECT_EQ(changes, (std::vector<uint64_t>{11, 20, 21, 25, 31}));
  for (uint64_t cut = 1; cut < 40; ++cut) {
    const LegalWindow a = legal_window(spans, cut - 1), b = legal_window(spans, cut);
    const bool differs = a.previous != b.previous || a.current != b.current;
    EXPECT_EQ(differs, std::binary_search(changes.begin(), changes.end(), cut)) << "cut " << cut;
  }
}

class ClassifyTest : public ::testing::Test {
 protected:
  Workload w = parse_workload(parse_json_text(R"({"format":"stablecut-workload","version":1,"name":"c",
    "managers":[{"name":"A","kind":"shadow"}],"steps":[{"run":[{"locus":"x","home":"A","ops":[
    {"op":"create","container":"a","manager":"A"},{"op":"create","container":"b","manager":"A"}]}]}]})", "c"), "c");
  std::vector<SystemState> history{{}, {{1, {{0, 10}}}}, {{1, {{0, 11}, {1, 12}}}, {2, {}}}};
  Verdict judge(const SystemState& s, LegalWindow window = {1, 2}) {
    Recovered r;
    r.booted = true;
    r.state = s;
    return classify(w, history, window, r);
  }
};

TEST_F(ClassifyTest, EachOutcome) {
  EXPECT_EQ(judge(history[2]).outcome, Outcome::ok_current);
  EXPECT_EQ(judge(history[1]).outcome, Outcome::ok_previous);
  EXPECT_EQ(judge(history[0]).outcome, Outcome::lost);
  EXPECT_EQ(judge(history[1], {2, 2}).outcome, Outcome::lost);
  EXPECT_EQ(judge({{1, {{0, 11}}}}, {2, 2}).outcome, Outcome::lost);  // a page missing, nothing made up
  const Verdict mix = judge({{1, {{0, 10}, {1, 12}}}});
  EXPECT_EQ(mix.outcome, Outcome::corrupt);
  EXPECT_FALSE(mix.diff.empty());
  EXPECT_EQ(judge({{1, {{0, kUnreadablePage}, {1, 12}}}, {2, {}}}).outcome, Outcome::corrupt);
  Recovered failed_boot;
  failed_boot.reason = "manager A could not be restarted (corrupt)";
  EXPECT_EQ(classify(w, history, {1, 2}, failed_boot).outcome, Outcome::recovery_failed);
}

// Under a fault that destroyed durable data (may_refuse): a legal state with
// pages refused is detected, a wrong page is still corrupt, every state of a
// widened window is legal, and fsck findings (the fault's) are not reported.
TEST_F(ClassifyTest, UnderADestroyingFault) {
  const LegalWindow refusing{1, 2, true};
  EXPECT_EQ(judge({{1, {{0, kUnreadablePage}, {1, 12}}}, {2, {}}}, refusing).outcome, Outcome::detected);
  EXPECT_EQ(judge({{1, {{0, kUnreadablePage}}}}, refusing).outcome, Outcome::detected);  // S_1, refused
  EXPECT_EQ(judge({{1, {{0, kUnreadablePage}, {1, 13}}}, {2, {}}}, refusing).outcome, Outcome::corrupt);
  EXPECT_EQ(judge(history[1], {0, 2, true}).outcome, Outcome::ok_previous);
  EXPECT_EQ(judge(history[1], {0, 2, false}).outcome, Outcome::ok_previous);
  Recovered r;
  r.booted = true;
  r.state = history[2];
  r.fsck = {"manager 0: checksum of block 3 does not hold"};
  EXPECT_TRUE(classify(w, history, refusing, r).legal());
  Recovered refused_boot;
  refused_boot.clean_refusal = true;
  EXPECT_EQ(classify(w, history, refusing, refused_boot).outcome, Outcome::detected);
  EXPECT_EQ(classify(w, history, {1, 2}, refused_boot).outcome, Outcome::recovery_failed);
}

TEST_F(ClassifyTest, FsckViolationMakesALegalStateIllegal) {
  Recovered r;
  r.booted = true;
  r.state = history[2];
  r.fsck = {"manager 0: block 3 is owned twice (data)"};
  const Verdict v = classify(w, history, {2, 2}, r);
  EXPECT_EQ(v.outcome, Outcome::ok_current);
  EXPECT_FALSE(v.legal());
}

TEST(Fsck, CleanAfterARunAndDamageIsReported) {
  const Workload w = load_workload_file(std::string(STABLECUT_SOURCE_DIR) + "/corpus/workloads/basic.json");
  MemDisk disk(w.disk_sectors());
  WorkloadRunner runner(w, disk, [&disk] { disk.crash(); }, RunOptions{});
  ASSERT_TRUE(runner.run().findings.empty());
  const BootConfig config = boot_config(w, SeededBugs{});
  EXPECT_TRUE(fsck_disk(disk, config).empty());
  // Damage every block of the partition that is not zero except the data:
  // simplest, overwrite the whole partition's first 32 blocks with garbage.
  std::array<uint8_t, kSectorSize> garbage;
  garbage.fill(0x77);
  for (uint64_t s = 0; s < 32 * kSectorsPerPage; ++s)
    ASSERT_EQ(disk.write(config.managers[0].partition_start + s, 1, garbage.data(), true), Status::ok);
  EXPECT_FALSE(fsck_disk(disk, config).empty());
}

// fsck hands each self-managing manager to the format checker of its own
// program: after a clean run every shipped workload of every program is
// clean (a checker of one format run over another would flag every state),
// and damage to one manager's partition is reported for that manager only.
class FsckPerProgram : public ::testing::TestWithParam<const char*> {};

TEST_P(FsckPerProgram, CleanAfterARunAndDamageIsReportedForThatManagerOnly) {
  const Workload w = load_workload_file(std::string(STABLECUT_SOURCE_DIR) + "/corpus/workloads/" + GetParam() + ".json");
  MemDisk disk(w.disk_sectors());
  WorkloadRunner runner(w, disk, [&disk] { disk.crash(); }, RunOptions{});
  ASSERT_TRUE(runner.run().findings.empty());
  const BootConfig config = boot_config(w, SeededBugs{});
  const auto clean = fsck_disk(disk, config);
  EXPECT_TRUE(clean.empty()) << clean.front();
  size_t victim = 0;
  for (size_t m = 0; m < w.managers.size(); ++m)
    if (w.managers[m].self_managing()) victim = m;
  const ManagerConfig& last = config.managers[victim];
  std::array<uint8_t, kSectorSize> garbage;
  garbage.fill(0x77);
  for (uint64_t s = 0; s < last.partition_sectors; ++s)
    ASSERT_EQ(disk.write(last.partition_start + s, 1, garbage.data(), true), Status::ok);
  const auto damaged = fsck_disk(disk, config);
  ASSERT_FALSE(damaged.empty());
  for (const auto& line : damaged) EXPECT_EQ(line.rfind(fmt::format("manager {}: ", last.id), 0), 0u) << line;
}

INSTANTIATE_TEST_SUITE_P(Shipped, FsckPerProgram,
                         ::testing::Values("basic", "two_managers_cut", "journal_basic", "journal_with_shadow",
                                           "journal_two_journals"));

}  // namespace
}  // namespace sc

// The journal manager on the real kernel core and the real crash model,
// without the workload machinery: a scenario is recorded on a RecordingDisk,
// every crash state of its trace (all modes) is recovered and must give
// exactly the state of the cut the kernel restored, with no format-checker
// violation; nested cuts — crash states of each recovery's own trace — must
// recover to that same state. Each seeded bug is caught, in the phase its
// mistake lives in.
#include <gtest/gtest.h>

#include <set>

#include "injector/check/tally.h"
#include "injector/crash/enumerator.h"
#include "injector/crash/overlay_disk.h"
#include "injector/crash/recording_disk.h"
#include "kernel/core/phase.h"
#include "kernel/core/root_store.h"
#include "managers/journal/journal_format.h"
#include "managers/journal/journal_bugs.h"
#include "tests/journal/journal_system.h"

namespace sc::journal_test {
namespace {

using Expected = std::map<uint64_t, State>;  // cut epoch -> state

struct Explored {
  uint64_t states = 0;
  uint64_t nested_states = 0;
  uint64_t failures = 0;
  std::set<Phase> failure_phases;  // phase of the cut that broke it (nested: of the recovery cut)
  std::string first;
};

void expect_ok(Status s, const char* what) { ASSERT_EQ(s, Status::ok) << what << ": " << status_name(s); }

// Boot, three stabilisations, then unstabilised writes.
void run_scenario(JournalSystem& sys, Expected& expected) {
  expect_ok(sys.boot(), "boot");
  expected[0] = State{};
  expect_ok(sys.create_data(), "create");
  const std::vector<std::vector<std::pair<uint32_t, uint64_t>>> rounds = {
      {{0, 100}, {1, 101}, {2, 102}, {3, 103}}, {{1, 201}, {2, 202}, {5, 205}}, {{0, 300}, {7, 307}}};
  State state;
  for (const auto& round : rounds) {
    for (const auto& [page, value] : round) {
      expect_ok(sys.write(page, value), "write");
      state[page] = value;
    }
    expect_ok(sys.stabilise(), "stabilise");
    expected[sys.epoch()] = state;
  }
  expect_ok(sys.write(3, 403), "write");
}

// After a crash and recovery: more work, two more stabilisations.
void continue_after_recovery(JournalSystem& sys, Expected& expected) {
  State state = expected.at(sys.epoch());
  for (const auto& [page, value] : std::vector<std::pair<uint32_t, uint64_t>>{{5, 505}, {6, 606}}) {
    expect_ok(sys.write(page, value), "write");
    state[page] = value;
    expect_ok(sys.stabilise(), "stabilise");
    expected[sys.epoch()] = state;
  }
}

crash::Trace record(uint32_t bugs, Expected& expected) {
  crash::RecordingDisk disk(disk_sectors());
  JournalSystem sys(disk, bugs);
  run_scenario(sys, expected);
  return disk.trace();
}

// Recovers `disk`; "" if the state is exactly that of the restored cut.
std::string judge_recovery(BlockDevice& disk, uint32_t bugs, const Expected& expected) {
  JournalSystem sys(disk, bugs);
  const Status booted = sys.boot();
  const auto it = expected.find(sys.epoch());
  if (it == expected.end()) return "recovered cut epoch " + std::to_string(sys.epoch()) + " was never made";
  if (failed(booted)) return std::string("recovery failed: ") + status_name(booted);
  State got;
  const Status s = sys.read_state(&got);
  if (failed(s)) return std::string("reading the recovered data failed: ") + status_name(s);
  return got == it->second ? "" : "recovered state differs from epoch " + std::to_string(it->first);
}

std::string judge_image(const crash::ImageView& image, uint32_t bugs, const Expected& expected) {
  crash::OverlayDisk overlay(image);
  const auto violations = format_violations(overlay);
  if (!violations.empty()) return "format: " + violations.front();
  return judge_recovery(overlay, bugs, expected);
}

crash::EnumeratorOptions options() {
  crash::EnumeratorOptions o;
  o.seed = 1;
  o.samples_per_cut = 4;
  o.torn_samples_per_write = 4;
  return o;
}

void note_failure(Explored& out, Phase phase, const std::string& why) {
  ++out.failures;
  out.failure_phases.insert(phase);
  if (out.first.empty()) out.first = std::string(phase_name(phase)) + ": " + why;
}

// Cuts during the recovery of `image`: every crash state of its trace.
void explore_recovery(const crash::ImageView& image, uint32_t bugs, const Expected& expected, Explored& out) {
  crash::RecordingDisk recovery(image);
  { JournalSystem sys(recovery, bugs); sys.boot(); }
  const crash::Trace& trace = recovery.trace();
  crash::CrashStateEnumerator e(trace, options());
  while (e.next()) {
    ++out.nested_states;
    const std::string why = judge_image(e.image(), bugs, expected);
    if (!why.empty()) note_failure(out, cut_phase(trace, e.state().cut), "after a cut during recovery: " + why);
  }
}

enum class Nested : bool { no, yes };

// Every crash state of `trace`; with Nested::yes also every cut during the
// recovery of each distinct durable state (nothing in flight kept).
Explored explore(const crash::Trace& trace, uint32_t bugs, const Expected& expected, Nested nested) {
  Explored out;
  crash::CrashStateEnumerator e(trace, options());
  while (e.next()) {
    ++out.states;
    const std::string why = judge_image(e.image(), bugs, expected);
    if (!why.empty()) note_failure(out, cut_phase(trace, e.state().cut), why);
    else if (nested == Nested::yes && e.state().kept.empty())
      explore_recovery(e.image(), bugs, expected, out);
  }
  return out;
}

// A crash at the end of the scenario, then recovery and more work, all on
// one recorded trace (recovery's requests tagged RECOVERY).
crash::Trace record_crash_cycle(uint32_t bugs, Expected& expected) {
  const crash::Trace first = record(bugs, expected);
  crash::CrashState end;
  end.cut = first.requests().size();
  const crash::CrashImage image(first, end);
  crash::RecordingDisk disk(image.view());
  JournalSystem sys(disk, bugs);
  EXPECT_EQ(sys.boot(), Status::ok);
  continue_after_recovery(sys, expected);
  return disk.trace();
}

TEST(JournalCrash, EveryCrashStateAndEveryCutDuringItsRecoveryRecoversItsCut) {
  Expected expected;
  const crash::Trace trace = record(0, expected);
  const Explored r = explore(trace, 0, expected, Nested::yes);
  EXPECT_EQ(r.failures, 0u) << r.first;
  EXPECT_GE(r.states, 200u);
  EXPECT_GE(r.nested_states, 300u);
}

TEST(JournalCrash, RecoveryWritesAreTaggedRecoveryAndCutsThereAreLegal) {
  Expected expected;
  const crash::Trace trace = record_crash_cycle(0, expected);
  size_t recovery_writes = 0;
  for (const auto& r : trace.requests()) recovery_writes += r.phase == Phase::RECOVERY && r.kind == crash::Kind::write;
  EXPECT_GT(recovery_writes, 0u);
  const Explored r = explore(trace, 0, expected, Nested::no);
  EXPECT_EQ(r.failures, 0u) << r.first;
  EXPECT_GE(r.states, 200u);
}

// Recovery trusts nothing it has not checked: one flipped byte in any block
// of the transaction it must replay (header, a record, the commit) makes it
// refuse with Status::corrupt, and the format checker names the damage.
TEST(JournalCrash, ADamagedTransactionIsRefusedNotReplayed) {
  Expected expected;
  const crash::Trace trace = record(0, expected);
  crash::CrashState end;
  end.cut = trace.requests().size();
  const crash::CrashImage image(trace, end);
  crash::OverlayDisk probe(image.view());
  CutRecord cut;
  ASSERT_EQ(read_newest_cut(probe, &cut), Status::ok);
  std::vector<uint8_t> page(kPageSize);
  uint32_t version = 0;
  ASSERT_EQ(read_root_copy(probe, 0, cut.find(0)->copy, page.data(), &version), Status::ok);
  journal::RootInfo root{};
  ASSERT_EQ(journal::decode_root(page.data(), &root), Status::ok);
  journal::Geometry g{};
  ASSERT_EQ(journal::make_geometry(kPartitionBlocks, &g), Status::ok);
  for (uint64_t lsn = root.txn.lsn; lsn < root.txn.end(); ++lsn) {
    crash::OverlayDisk disk(image.view());
    const uint64_t sector = kKernelAreaSectors + g.log_block(lsn) * kSectorsPerPage + 3;
    std::vector<uint8_t> bytes(512);
    ASSERT_EQ(disk.read(sector, 1, bytes.data()), Status::ok);
    bytes[17] ^= 0x40;
    ASSERT_EQ(disk.write(sector, 1, bytes.data(), false), Status::ok);
    EXPECT_FALSE(format_violations(disk).empty()) << "log position " << lsn;
    JournalSystem sys(disk, 0);
    EXPECT_EQ(sys.boot(), Status::corrupt) << "log position " << lsn;
  }
}

TEST(JournalCrashBug, XorReplayIsCaughtWhenATransactionIsAppliedTwice) {
  Expected expected;
  const crash::Trace trace = record(journal::kBugXorReplay, expected);
  const Explored r = explore(trace, journal::kBugXorReplay, expected, Nested::no);
  EXPECT_GT(r.failures, 0u);
  EXPECT_TRUE(r.failure_phases.count(Phase::SNAPSHOT) + r.failure_phases.count(Phase::ROOT_COPY) > 0) << r.first;
}

TEST(JournalCrashBug, EarlyAppliedMarkIsCaughtOnlyThroughCutsDuringRecovery) {
  const uint32_t bug = journal::kBugEarlyAppliedMark;
  Expected expected;
  const crash::Trace trace = record(bug, expected);
  const Explored plain = explore(trace, bug, expected, Nested::no);
  EXPECT_EQ(plain.failures, 0u) << plain.first;
  const Explored nested = explore(trace, bug, expected, Nested::yes);
  EXPECT_GT(nested.failures, 0u);
  EXPECT_EQ(nested.failure_phases, std::set<Phase>{Phase::RECOVERY});
  Expected cycle_expected;
  const Explored cycle = explore(record_crash_cycle(bug, cycle_expected), bug, cycle_expected, Nested::no);
  EXPECT_GT(cycle.failures, 0u);
  EXPECT_EQ(cycle.failure_phases, std::set<Phase>{Phase::RECOVERY}) << cycle.first;
}

TEST(JournalCrashBug, ApplyBeforeStableIsCaughtBeforeTheCutCommits) {
  const uint32_t bug = journal::kBugApplyBeforeStable;
  Expected expected;
  const crash::Trace trace = record(bug, expected);
  const Explored r = explore(trace, bug, expected, Nested::no);
  EXPECT_GT(r.failures, 0u);
  EXPECT_TRUE(r.failure_phases.count(Phase::SNAPSHOT) + r.failure_phases.count(Phase::ROOT_COPY) > 0) << r.first;
}

}  // namespace
}  // namespace sc::journal_test

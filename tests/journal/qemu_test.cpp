// The journal manager on the QEMU tier: a journal workload recorded under
// QEMU (real traps, virtio disk, nbdkit plugin) recovers legally by real
// reboots, in the same state as in-process; each seeded bug, recorded under
// QEMU, is detected by real reboots of crash states where in-process
// recovery of the same state is illegal, and journal-early-applied-mark only
// in states cut during recovery. Small: a few hundred reboots in all.
#include <gtest/gtest.h>

#include <ostream>

#include "injector/check/tally.h"
#include "tests/qemu/crash_check.h"
#include "tests/support/param_name.h"

namespace sc::qemu::test {
namespace {

TEST(JournalQemu, CrashStatesRecoverLegallyAndAsInProcess) {
  const Workload w = corpus("journal_crash_cycles");
  const InprocRun inproc = record_inproc_run(w, {});
  const QemuRecording rec = record_qemu(w, {}, tier_config());
  ASSERT_EQ(rec.error, "");
  size_t recovery_writes = 0;
  for (const auto& r : rec.trace->requests()) recovery_writes += r.phase == Phase::RECOVERY && r.kind == crash::Kind::write;
  EXPECT_GT(recovery_writes, 0u) << "the guest's recovery writes reach the plugin tagged RECOVERY";
  const auto states = pick_states(*rec.trace, 60, crash::power_cut_modes());
  const auto recovered = recover_all_qemu(w, {}, *rec.trace, states);
  for (size_t i = 0; i < states.size(); ++i) {
    const Judged q = judge_qemu(w, {}, recovered[i], *rec.trace, states[i], inproc.history, rec.guest.spans);
    const Judged h = recover_inproc(w, {}, *rec.trace, states[i], inproc.history, rec.guest.spans);
    EXPECT_TRUE(q.legal) << "state " << i << " cut " << states[i].cut << "\n" << recovered[i].run.console;
    EXPECT_EQ(q.state, h.state) << "state " << i;
  }
}

struct BugCase {
  const char* bug;
  const char* workload;
  crash::ModeSet modes;
};

// Names the case in test listings (ctest's names stay stable across builds).
void PrintTo(const BugCase& c, std::ostream* out) { *out << c.bug << " on " << c.workload; }

class JournalQemuBug : public ::testing::TestWithParam<BugCase> {};

// States are chosen in-process (cheap), then rebooted under QEMU.
TEST_P(JournalQemuBug, DetectedByRealReboots) {
  const Workload w = corpus(GetParam().workload);
  const SeededBugs bugs = bug(GetParam().bug);
  const InprocRun inproc = record_inproc_run(w, bugs);
  const QemuRecording rec = record_qemu(w, bugs, tier_config());
  ASSERT_EQ(rec.error, "");
  std::vector<crash::CrashState> failing;
  for (const auto& s : pick_states(*rec.trace, 100000, GetParam().modes)) {
    if (!recover_inproc(w, bugs, *rec.trace, s, inproc.history, rec.guest.spans).legal) failing.push_back(s);
    if (failing.size() == 4) break;
  }
  ASSERT_FALSE(failing.empty()) << GetParam().bug << " shows in no state in-process";
  const auto recovered = recover_all_qemu(w, bugs, *rec.trace, failing);
  for (size_t i = 0; i < failing.size(); ++i) {
    const Phase phase = cut_phase(*rec.trace, failing[i].cut);
    EXPECT_FALSE(judge_qemu(w, bugs, recovered[i], *rec.trace, failing[i], inproc.history, rec.guest.spans).legal)
        << phase_name(phase) << " cut " << failing[i].cut << "\n" << recovered[i].run.console;
    if (std::string(GetParam().bug) == "journal-early-applied-mark") EXPECT_EQ(phase, Phase::RECOVERY);
  }
}

INSTANTIATE_TEST_SUITE_P(Bugs, JournalQemuBug,
                         ::testing::Values(BugCase{"journal-xor-replay", "journal_basic", crash::only(crash::Mode::prefix)},
                                           BugCase{"journal-early-applied-mark", "journal_crash_cycles",
                                                   crash::only(crash::Mode::reorder)},
                                           BugCase{"journal-apply-before-stable", "journal_basic", crash::power_cut_modes()}),
                         sc::test::named_by_bug);

}  // namespace
}  // namespace sc::qemu::test

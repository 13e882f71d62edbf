// user_mode_test.cpp — managers and workload loci really run in U-mode under
// QEMU, each in its own Sv39 address space, with system calls by ecall:
//  * after a record run and after a recovery boot the guest's "SC USER" line
//    (kernel/arch/riscv64/user_stats.h) counts the manager programs and loci
//    that ran in U-mode, the ecalls they made and the contexts killed; a
//    correct workload runs every manager and every locus there, makes
//    ecalls and loses none;
//  * the self-test kernel kills manager programs that touch kernel data,
//    another context's memory or make an unknown call, refuses a kernel
//    pointer passed to a system call, and goes on;
//  * the oracle reads a recovery with a killed manager as recovery_crash.
// Each recovery boot also prints its guest time ("SC DONE"), the boot-speed
// figure of the README.
#include <gtest/gtest.h>

#include <iostream>

#include "injector/crash/crash_image.h"
#include "injector/qemu/qemu_oracle.h"
#include "tests/qemu/tier_fixture.h"

namespace sc::qemu::test {
namespace {

size_t locus_count(const Workload& w) {
  size_t n = 0;
  for (const Step& s : w.steps) n += s.loci.size();
  return n;
}

size_t crash_count(const Workload& w) {
  size_t n = 0;
  for (const Step& s : w.steps) n += s.crash ? 1 : 0;
  return n;
}

class UserModeRecord : public ::testing::TestWithParam<std::string> {};

TEST_P(UserModeRecord, EveryManagerAndLocusRunsInUserMode) {
  const Workload w = corpus(GetParam());
  const QemuRecording rec = record_qemu(w, {}, tier_config());
  ASSERT_EQ(rec.error, "") << rec.run.console;
  const Readback r = parse_readback(rec.run.console);
  ASSERT_EQ(r.error, "");
  ASSERT_TRUE(r.user.reported) << rec.run.console;
  // Every boot (the first and one per crash step) starts every manager.
  EXPECT_EQ(r.user.managers, w.managers.size() * (1 + crash_count(w))) << rec.run.console;
  EXPECT_EQ(r.user.loci, locus_count(w));
  EXPECT_GT(r.user.ecalls, rec.guest.events.size());
  EXPECT_EQ(r.user.faults, 0u) << rec.run.console;
  // A stabilisation enters its manager again (container_snapshot) while the
  // manager's stabilise upcall waits in snapshot_request.
  ASSERT_FALSE(rec.guest.spans.empty());
  EXPECT_GE(r.user.nested, rec.guest.spans.size());
  std::cout << GetParam() << ": " << r.user.managers << " managers, " << r.user.loci << " loci, " << r.user.ecalls
            << " ecalls, " << r.user.nested << " nested upcalls\n";
}

INSTANTIATE_TEST_SUITE_P(Corpus, UserModeRecord, ::testing::Values("hierarchy", "concurrent_loci", "crash_cycles"));

class UserModeRecovery : public ::testing::TestWithParam<std::string> {};

// Recovers the state the whole recorded run leaves on disk.
TEST_P(UserModeRecovery, ManagersRecoverInUserMode) {
  const Workload w = corpus(GetParam());
  const QemuRecording rec = record_qemu(w, {}, tier_config());
  ASSERT_EQ(rec.error, "") << rec.run.console;
  crash::CrashState end;
  end.cut = rec.trace->requests().size();
  const QemuRecovery recovery = recover_qemu(w, {}, crash::build_crash_image(*rec.trace, end).view().bytes(),
                                             tier_config());
  const Readback& r = recovery.readback;
  ASSERT_TRUE(r.done) << recovery.run.console;
  std::cout << GetParam() << ": recovery boot " << r.guest_micros << " us of guest time, " << r.user.ecalls
            << " ecalls\n";
  EXPECT_EQ(r.boot_status, Status::ok) << recovery.run.console;
  ASSERT_TRUE(r.user.reported) << recovery.run.console;
  EXPECT_EQ(r.user.managers, w.managers.size());
  EXPECT_EQ(r.user.loci, 0u);
  EXPECT_GT(r.user.ecalls, 0u);
  EXPECT_EQ(r.user.faults, 0u) << recovery.run.console;
}

INSTANTIATE_TEST_SUITE_P(Corpus, UserModeRecovery, ::testing::ValuesIn(corpus_names()));

TEST(UserModeSelfTest, StrayManagerProgramsAreKilledAndTheKernelGoesOn) {
  RunConfig config;
  config.kernel_elf = STABLECUT_KERNEL_ELF;
  config.timeout = std::chrono::milliseconds(10000);
  QemuRunner runner(config);
  const RunResult r = runner.run();
  ASSERT_EQ(r.exit_code, 0) << r.console;
  EXPECT_NE(r.console.find("SELFTEST PASS"), std::string::npos) << r.console;
  for (const char* line : {"probe kernel-data: killed (load page fault)",
                           "probe other-context: killed (store page fault)",
                           "probe unknown-call: killed (unknown system call)",
                           "probe kernel-pointer: returned bad_argument",
                           "probe after-kill: returned ok"})
    EXPECT_NE(r.console.find(line), std::string::npos) << line << "\n" << r.console;
}

// The oracle's reading of a recovery in which the guest killed a manager: a
// recovery_crash (the manager crashed), not a refused boot.
TEST(UserModeOracle, KilledManagerIsARecoveryCrash) {
  const Workload w = corpus("basic");
  const crash::Trace blank(w.disk_sectors());
  const crash::CrashImage image = crash::build_crash_image(blank, crash::CrashState{});
  const std::string kill = "manager 0 killed: load page fault (pc 0x80001234, tval 0x0, a7 0)";
  QemuRecovery r;
  r.run.outcome = Outcome::rebooted;
  r.run.console = "SC BOOT 9 0 1 3\n" + kill + "\nSC USER managers=1 loci=0 ecalls=9 faults=1 nested=0\nSC DONE 900\n";
  r.readback = parse_readback(r.run.console);
  const Recovered killed = recovered_from_qemu(r, image.view(), w, boot_config(w, SeededBugs{}));
  EXPECT_EQ(killed.failure, sc::Outcome::recovery_crash);
  EXPECT_NE(killed.reason.find(kill), std::string::npos) << killed.reason;

  r.run.console = "SC BOOT 9 0 1 3\nSC USER managers=1 loci=0 ecalls=9 faults=0 nested=0\nSC DONE 900\n";
  r.readback = parse_readback(r.run.console);
  const Recovered refused = recovered_from_qemu(r, image.view(), w, boot_config(w, SeededBugs{}));
  EXPECT_NE(refused.failure, sc::Outcome::recovery_crash) << "a boot that fails without a kill is not a crash";
  EXPECT_FALSE(refused.booted);
}

}  // namespace
}  // namespace sc::qemu::test

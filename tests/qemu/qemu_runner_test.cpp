// qemu_runner_test.cpp — the QEMU tier end to end: the self-test kernel
// boots against a fresh nbdkit memory disk and passes; a spinning guest is
// reported as a hang; power cuts, reboots on one disk, guest failure codes
// and setup errors are reported as documented in qemu_runner.h. After every
// test no child process, no process using the runner's temp directory and
// no temp directory is left behind.
#include "injector/qemu/qemu_runner.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <thread>

#include <gtest/gtest.h>

namespace sc::qemu {
namespace {

using std::chrono::milliseconds;

RunConfig selftest_config() {
  RunConfig config;
  config.kernel_elf = STABLECUT_KERNEL_ELF;
  config.timeout = milliseconds(10000);
  return config;
}

RunConfig spin_config(milliseconds timeout) {
  RunConfig config;
  config.kernel_elf = STABLECUT_SPIN_ELF;
  config.timeout = timeout;
  return config;
}

// True if some live process mentions `text` in its command line.
bool process_mentions(const std::string& text) {
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    std::ifstream in(entry.path() / "cmdline", std::ios::binary);
    const std::string cmdline((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (cmdline.find(text) != std::string::npos) return true;
  }
  return false;
}

class QemuRunnerTest : public ::testing::Test {
 protected:
  // Checks that `runner` and everything it started are gone.
  void expect_clean(std::unique_ptr<QemuRunner> runner) {
    const std::string dir = runner->temp_dir();
    const std::vector<pid_t> pids = runner->started_pids();
    runner.reset();
    int status;
    EXPECT_EQ(waitpid(-1, &status, WNOHANG), -1) << "a child process is left";
    EXPECT_EQ(errno, ECHILD);
    for (pid_t pid : pids) EXPECT_NE(kill(pid, 0), 0) << "pid " << pid << " still exists";
    if (!dir.empty()) {
      EXPECT_FALSE(process_mentions(dir)) << "a process still uses " << dir;
      EXPECT_FALSE(std::filesystem::exists(dir)) << dir << " was not removed";
    }
  }
};

TEST_F(QemuRunnerTest, SelfTestKernelPassesOnFreshMemoryDisk) {
  RunConfig config = selftest_config();
  config.console_log_path = ::testing::TempDir() + "stablecut-qemu-console.log";
  auto runner = std::make_unique<QemuRunner>(config);
  const RunResult r = runner->run();
  EXPECT_EQ(r.outcome, Outcome::exited) << outcome_name(r.outcome) << ": " << r.error;
  EXPECT_EQ(r.exit_code, 0) << r.console;
  EXPECT_NE(r.console.find("SELFTEST PASS"), std::string::npos) << r.console;
  EXPECT_NE(r.console.find("1 fault(s)"), std::string::npos) << r.console;
  EXPECT_EQ(runner->started_pids().size(), 2u);
  std::ifstream log(config.console_log_path, std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(log), std::istreambuf_iterator<char>()),
            r.console);
  std::filesystem::remove(config.console_log_path);
  std::cout << "boot-to-exit " << r.boot_to_exit.count() << " us, nbdkit ready in "
            << r.server_start.count() << " us\n";
  expect_clean(std::move(runner));
}

TEST_F(QemuRunnerTest, SelfTestKernelPassesOnVirtioMmioVersion2) {
  RunConfig config = selftest_config();
  config.extra_qemu_args = {"-global", "virtio-mmio.force-legacy=false"};
  auto runner = std::make_unique<QemuRunner>(config);
  const RunResult r = runner->run();
  EXPECT_EQ(r.exit_code, 0) << r.console;
  EXPECT_NE(r.console.find("mmio version 2"), std::string::npos) << r.console;
  EXPECT_NE(r.console.find("SELFTEST PASS"), std::string::npos) << r.console;
  expect_clean(std::move(runner));
}

TEST_F(QemuRunnerTest, SpinningGuestIsKilledAtTimeoutAndReportedAsHang) {
  auto runner = std::make_unique<QemuRunner>(spin_config(milliseconds(800)));
  const auto start = std::chrono::steady_clock::now();
  const RunResult r = runner->run();
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.outcome, Outcome::hang) << outcome_name(r.outcome) << ": " << r.error;
  EXPECT_NE(r.console.find("spin kernel"), std::string::npos) << r.console;
  EXPECT_GE(elapsed, milliseconds(800));
  EXPECT_LT(elapsed, milliseconds(3000));
  expect_clean(std::move(runner));
}

TEST_F(QemuRunnerTest, PowerCutFromAnotherThread) {
  auto runner = std::make_unique<QemuRunner>(spin_config(milliseconds(10000)));
  std::thread cutter([&runner] {
    std::this_thread::sleep_for(milliseconds(300));
    runner->power_cut();
  });
  const RunResult r = runner->run();
  cutter.join();
  EXPECT_EQ(r.outcome, Outcome::power_cut) << outcome_name(r.outcome) << ": " << r.error;
  EXPECT_LT(r.boot_to_exit, std::chrono::seconds(5));
  expect_clean(std::move(runner));
}

TEST_F(QemuRunnerTest, RebootsAgainstTheSameDiskServer) {
  auto runner = std::make_unique<QemuRunner>(selftest_config());
  ASSERT_EQ(runner->start_disk(), "");
  const RunResult first = runner->boot();
  const RunResult second = runner->boot();
  runner->stop_disk();
  EXPECT_EQ(first.exit_code, 0) << first.console;
  EXPECT_EQ(second.exit_code, 0) << second.console;
  EXPECT_EQ(runner->started_pids().size(), 3u);  // one nbdkit, two QEMUs
  expect_clean(std::move(runner));
}

TEST_F(QemuRunnerTest, DestructorStopsARunningDiskServer) {
  auto runner = std::make_unique<QemuRunner>(selftest_config());
  ASSERT_EQ(runner->start_disk(), "");
  EXPECT_TRUE(std::filesystem::exists(runner->socket_path()));
  expect_clean(std::move(runner));
}

TEST_F(QemuRunnerTest, DeadDiskServerIsReportedNotReplaced) {
  auto runner = std::make_unique<QemuRunner>(selftest_config());
  ASSERT_EQ(runner->start_disk(), "");
  ASSERT_EQ(kill(runner->started_pids().front(), SIGKILL), 0);
  std::this_thread::sleep_for(milliseconds(100));
  const RunResult r = runner->boot();
  EXPECT_EQ(r.outcome, Outcome::setup_error);
  EXPECT_NE(r.error.find("nbdkit exited unexpectedly"), std::string::npos) << r.error;
  expect_clean(std::move(runner));
}

TEST_F(QemuRunnerTest, GuestFailureCodeIsTheExitCode) {
  RunConfig config = selftest_config();
  config.attach_disk = false;
  auto runner = std::make_unique<QemuRunner>(config);
  const RunResult r = runner->run();
  EXPECT_EQ(r.outcome, Outcome::exited) << outcome_name(r.outcome) << ": " << r.error;
  EXPECT_EQ(r.exit_code, 13) << r.console;  // FailCode::no_disk
  EXPECT_NE(r.console.find("SELFTEST FAIL: no virtio-blk device"), std::string::npos) << r.console;
  expect_clean(std::move(runner));
}

TEST_F(QemuRunnerTest, QemuErrorIsReportedWithItsMessage) {
  RunConfig config = selftest_config();
  config.extra_qemu_args = {"-device", "no-such-device"};
  auto runner = std::make_unique<QemuRunner>(config);
  const RunResult r = runner->run();
  EXPECT_EQ(r.outcome, Outcome::qemu_error) << outcome_name(r.outcome);
  EXPECT_NE(r.error.find("no-such-device"), std::string::npos) << r.error;
  expect_clean(std::move(runner));
}

TEST_F(QemuRunnerTest, MissingQemuIsAOneLineError) {
  RunConfig config = selftest_config();
  config.qemu_binary = "qemu-system-stablecut-missing";
  auto runner = std::make_unique<QemuRunner>(config);
  const RunResult r = runner->run();
  EXPECT_EQ(r.outcome, Outcome::setup_error);
  EXPECT_EQ(r.error, "qemu-system-stablecut-missing not found in PATH "
                     "(install the Debian package qemu-system-misc)");
  expect_clean(std::move(runner));
}

TEST_F(QemuRunnerTest, MissingNbdkitIsAOneLineError) {
  RunConfig config = selftest_config();
  config.nbd.binary = "nbdkit-stablecut-missing";
  auto runner = std::make_unique<QemuRunner>(config);
  const RunResult r = runner->run();
  EXPECT_EQ(r.outcome, Outcome::setup_error);
  EXPECT_EQ(r.error, "nbdkit-stablecut-missing not found in PATH (install the Debian package nbdkit)");
  expect_clean(std::move(runner));
}

TEST_F(QemuRunnerTest, UnknownNbdkitPluginIsReported) {
  RunConfig config = selftest_config();
  config.nbd.plugin = "stablecut-no-such-plugin";
  auto runner = std::make_unique<QemuRunner>(config);
  const RunResult r = runner->run();
  EXPECT_EQ(r.outcome, Outcome::setup_error);
  EXPECT_NE(r.error.find("nbdkit exited during startup"), std::string::npos) << r.error;
  expect_clean(std::move(runner));
}

}  // namespace
}  // namespace sc::qemu

// setup_error_test.cpp — a setup or environment error under QEMU is exit 2
// with one line and no case file, never a finding: a --kernel that is not a
// riscv64 image, that does not exist, or that never reaches the workload; a
// --plugin that nbdkit cannot load; a --timeout too small for a healthy
// boot (record run or recovery boot); a hand-edited case whose disk is 1 GiB,
// 2^62 bytes, or not its workload's size. A planted bug found under QEMU
// stays a finding (exit 1). Everything runs through the real binary.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/support/run_binary.h"

namespace {

namespace fs = std::filesystem;
using Result = sc::test::BinaryResult;

Result run(const std::string& args) { return sc::test::run_binary(STABLECUT_BIN, args); }

std::string basic() { return std::string(STABLECUT_CORPUS_DIR) + "/basic.json"; }

// Private to this process: ctest runs each test in a process of its own, in parallel.
std::string fresh_dir(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "/setup_errors_" + std::to_string(getpid()) + "_" + name;
  fs::remove_all(dir);
  return dir;
}

size_t files_in(const std::string& dir) {
  if (!fs::exists(dir)) return 0;
  return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

// Exit 2, and the whole output (stdout and stderr) is one line containing `what`.
void expect_one_line_exit_2(const Result& r, const std::string& what) {
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_EQ(r.out.find('\n'), r.out.size() - 1) << "expected one line:\n" << r.out;
  EXPECT_NE(r.out.find(what), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("illegal"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("FINDING"), std::string::npos) << r.out;
}

// `run --tier qemu` on basic with `flags`, into a fresh cases directory
// that must stay empty.
Result run_qemu_expecting_no_case(const std::string& name, const std::string& flags) {
  const std::string cases = fresh_dir(name);
  Result r = run("run --tier qemu --workload " + basic() + " --max-states 8 --live-cuts 1 --cases-dir " + cases + " " +
                 flags);
  EXPECT_EQ(files_in(cases), 0u) << "a setup error wrote a case file";
  return r;
}

// A failing case of basic under the planted shadow-skip-flush bug, found
// in-process (fast) and shared by the replay tests.
class QemuSetupErrors : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string cases = fresh_dir("found");
    const Result r = run("run --workload " + basic() + " --bug shadow-skip-flush --modes prefix --cases-dir " + cases);
    ASSERT_EQ(r.code, 1) << r.out;
    for (const auto& entry : fs::directory_iterator(cases)) case_file_ = entry.path().string();
  }

  static const std::string& found_case() { return case_file_; }

  // The found case with its sector_count set to `sectors`.
  static std::string case_with_disk(const std::string& name, uint64_t sectors) {
    std::ifstream in(found_case());
    nlohmann::json doc = nlohmann::json::parse(in);
    doc["sector_count"] = sectors;
    const std::string path = fresh_dir(name) + ".trace.json";
    std::ofstream(path) << doc.dump();
    return path;
  }

 private:
  static inline std::string case_file_;
};

TEST_F(QemuSetupErrors, KernelThatIsNoRiscvImageIsExit2) {
  const Result r = run_qemu_expecting_no_case("ls_kernel", "--kernel /bin/ls");
  expect_one_line_exit_2(r, "--kernel /bin/ls");
}

TEST_F(QemuSetupErrors, MissingKernelIsExit2) {
  const Result r = run_qemu_expecting_no_case("missing_kernel", "--kernel /nonexistent/stablecut-kernel.elf");
  expect_one_line_exit_2(r, "/nonexistent/stablecut-kernel.elf");
}

// A riscv64 image that boots but is not the stablecut kernel: it spins
// forever without the kernel's banner.
TEST_F(QemuSetupErrors, KernelThatNeverReachesTheWorkloadIsExit2) {
  const Result r = run_qemu_expecting_no_case("spin_kernel", std::string("--timeout 5 --kernel ") + STABLECUT_SPIN_ELF);
  expect_one_line_exit_2(r, "not the stablecut riscv64 kernel");
}

TEST_F(QemuSetupErrors, PluginNbdkitCannotLoadIsExit2) {
  const Result r = run_qemu_expecting_no_case("ls_plugin", "--plugin /bin/ls");
  expect_one_line_exit_2(r, "nbdkit");
}

TEST_F(QemuSetupErrors, TimeoutTooSmallForTheRecordRunIsExit2) {
  const Result r = run_qemu_expecting_no_case("tiny_timeout", "--timeout 0.01");
  expect_one_line_exit_2(r, "--timeout 0.01: too small: a healthy record run of basic took");
}

TEST_F(QemuSetupErrors, TimeoutTooSmallForARecoveryBootIsExit2) {
  const Result r = run("replay " + found_case() + " --tier qemu --timeout 0.01");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("--timeout 0.01: too small: a healthy recovery boot of basic took"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("verdict"), std::string::npos) << r.out;
}

TEST_F(QemuSetupErrors, ReplayWithAKernelThatIsNoRiscvImageIsExit2) {
  const Result r = run("replay " + found_case() + " --tier qemu --kernel /bin/ls");
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("--kernel /bin/ls"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("verdict"), std::string::npos) << r.out;
}

TEST_F(QemuSetupErrors, PlantedBugReplayedUnderQemuIsStillAFinding) {
  const Result r = run("replay " + found_case() + " --tier qemu");
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("verdict: "), std::string::npos) << r.out;
}

TEST_F(QemuSetupErrors, CaseWithAOneGibDiskIsExit2InBothTiers) {
  const std::string path = case_with_disk("one_gib", uint64_t{1} << 21);
  expect_one_line_exit_2(run("replay " + path), "sector_count");
  expect_one_line_exit_2(run("replay " + path + " --tier qemu"), "sector_count");
}

TEST_F(QemuSetupErrors, CaseWithAHugeDiskIsExit2InBothTiers) {
  for (const uint64_t sectors : {uint64_t{1} << 40, uint64_t{1} << 53}) {
    const std::string path = case_with_disk("huge", sectors);
    expect_one_line_exit_2(run("replay " + path), "sector_count");
    expect_one_line_exit_2(run("replay " + path + " --tier qemu"), "sector_count");
  }
}

TEST_F(QemuSetupErrors, CaseWhoseDiskIsNotItsWorkloadsIsExit2) {
  std::ifstream in(found_case());
  const uint64_t sectors = nlohmann::json::parse(in)["sector_count"].get<uint64_t>();
  const std::string path = case_with_disk("other_size", sectors + 8);
  expect_one_line_exit_2(run("replay " + path + " --tier qemu"), "sector_count: expected " + std::to_string(sectors));
}

}  // namespace

// out_of_tree_manager_test.cpp — a manager from a folder outside the
// source tree builds into both tiers and runs, and adding it touches no
// file of the source tree. The test copies examples/managers/pingpong to a
// temporary folder, configures and builds a second stablecut with
// -DSTABLECUT_MANAGER_DIRS=<that folder> (targets stablecut and
// stablecut_kernel_elf only), then checks `stablecut managers` and
// `stablecut run` on the copied pingpong.json, correct and with the seeded
// bug pingpong-skip-flush, in-process and under QEMU, and correct under
// every fault mode in-process (in-process, the
// folder's own format checker must be among the reporters), and a campaign's
// coverage of it. The build is done
// once for the whole suite (SetUpTestSuite); every check prints the command
// that replays it.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "tests/support/run_binary.h"
#include "tests/support/temp_dir.h"

namespace sc::test {
namespace {

namespace fs = std::filesystem;

const std::string kSource = STABLECUT_SOURCE_DIR;
const std::string kBuild = STABLECUT_BYOM_BUILD_DIR;

// Every changed or untracked file of the source tree (ignored ones, such as
// build/, left out).
BinaryResult source_status() {
  return run_binary("git", "-C '" + kSource + "' status --porcelain --untracked-files=all");
}

class OutOfTreeManager : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    temp_ = new TempDir();
    manager_dir_ = temp_->file("pingpong");
    fs::copy(kSource + "/examples/managers/pingpong", manager_dir_, fs::copy_options::recursive);
    status_before_ = source_status();
    const std::string configure = "cd '" + kSource + "' && " STABLECUT_CMAKE " --preset release -B '" + kBuild +
                                  "' -DSTABLECUT_MANAGER_DIRS='" + manager_dir_ + "'";
    const std::string build = STABLECUT_CMAKE " --build '" + kBuild + "' -j2 --target stablecut stablecut_kernel_elf";
    build_command_ = configure + " && " + build;
    build_ = run_binary("(" + build_command_ + ")", "");
  }
  static void TearDownTestSuite() {
    delete temp_;
    temp_ = nullptr;
  }
  void SetUp() override {
    ASSERT_EQ(build_.code, 0) << "the out-of-tree build failed; replay: " << build_command_ << "\n" << build_.out;
  }

  // `stablecut <args>` of the second build, cases written to the temp folder.
  static BinaryResult stablecut(const std::string& args, std::string* command) {
    *command = kBuild + "/stablecut " + args;
    return run_binary(*command, "");
  }
  static std::string run_args(const std::string& tier_and_bugs) {
    return "run --workload '" + manager_dir_ + "/pingpong.json' --cases-dir '" + temp_->file("cases") + "' " +
           tier_and_bugs;
  }

  static TempDir* temp_;
  static std::string manager_dir_;
  static BinaryResult status_before_;
  static BinaryResult build_;
  static std::string build_command_;
};

TempDir* OutOfTreeManager::temp_ = nullptr;
std::string OutOfTreeManager::manager_dir_;
BinaryResult OutOfTreeManager::status_before_;
BinaryResult OutOfTreeManager::build_;
std::string OutOfTreeManager::build_command_;

TEST_F(OutOfTreeManager, IsListedWithItsSeededBug) {
  std::string cmd;
  const BinaryResult r = stablecut("managers", &cmd);
  EXPECT_EQ(r.code, 0) << cmd << "\n" << r.out;
  EXPECT_NE(r.out.find("pingpong"), std::string::npos) << cmd << "\n" << r.out;
  EXPECT_NE(r.out.find("pingpong-skip-flush"), std::string::npos) << cmd << "\n" << r.out;
  EXPECT_NE(r.out.find("shadow"), std::string::npos) << "in-tree managers stay registered: " << cmd << "\n" << r.out;
}

TEST_F(OutOfTreeManager, RecoversLegallyInProcess) {
  std::string cmd;
  const BinaryResult r = stablecut(run_args("--tier inproc"), &cmd);
  EXPECT_EQ(r.code, 0) << cmd << "\n" << r.out;
  EXPECT_NE(r.out.find("recovered legally"), std::string::npos) << cmd << "\n" << r.out;
}

// Every crash mode, storage fault and call fault: the example a manager
// author starts from must be legal under all of them (it fail-stopped its
// page faults after a failed snapshot once, which io-error reported).
TEST_F(OutOfTreeManager, RecoversLegallyUnderEveryFaultInProcess) {
  std::string cmd;
  const BinaryResult r = stablecut(run_args("--tier inproc --modes exhaustive,torn,lying-flush,misdirected,lost-write,"
                                            "bit-rot,sub-sector-tear,read-error,io-error,call-error,call-misuse"),
                                   &cmd);
  EXPECT_EQ(r.code, 0) << cmd << "\n" << r.out;
  EXPECT_NE(r.out.find("recovered legally"), std::string::npos) << cmd << "\n" << r.out;
}

TEST_F(OutOfTreeManager, RecoversLegallyUnderQemu) {
  std::string cmd;
  const BinaryResult r = stablecut(run_args("--tier qemu"), &cmd);
  EXPECT_EQ(r.code, 0) << cmd << "\n" << r.out;
  EXPECT_NE(r.out.find("recovered legally"), std::string::npos) << cmd << "\n" << r.out;
}

TEST_F(OutOfTreeManager, SeededBugIsFoundInProcess) {
  std::string cmd;
  const BinaryResult r = stablecut(run_args("--tier inproc --bug pingpong-skip-flush"), &cmd);
  EXPECT_EQ(r.code, 1) << cmd << "\n" << r.out;
  EXPECT_NE(r.out.find("FINDING"), std::string::npos) << cmd << "\n" << r.out;
  EXPECT_NE(r.out.find(": pingpong: "), std::string::npos)
      << "the out-of-tree format checker (CHECKER sources) reports violations: " << cmd << "\n" << r.out;
}

TEST_F(OutOfTreeManager, SeededBugIsFoundUnderQemu) {
  std::string cmd;
  const BinaryResult r = stablecut(run_args("--tier qemu --bug pingpong-skip-flush"), &cmd);
  EXPECT_EQ(r.code, 1) << cmd << "\n" << r.out;
  EXPECT_NE(r.out.find("FINDING"), std::string::npos) << cmd << "\n" << r.out;
}

// A campaign measures the out-of-tree manager's coverage as the part
// managers/<folder name>, and `report` prints it with its unreached lines.
TEST_F(OutOfTreeManager, CampaignCoverageCountsItUnderItsFolderName) {
  const std::string db = temp_->file("coverage.db");
  std::string cmd;
  const BinaryResult campaign =
      stablecut("campaign --workloads 3 --jobs 1 --corpus '" + manager_dir_ + "' --db '" + db + "'", &cmd);
  ASSERT_EQ(campaign.code, 0) << cmd << "\n" << campaign.out;
  const BinaryResult report = stablecut("report --db '" + db + "' --out '" + temp_->file("report") + "'", &cmd);
  ASSERT_EQ(report.code, 0) << cmd << "\n" << report.out;
  const std::regex part(R"(coverage of campaign 1: managers/pingpong lines [0-9.]+% \(([0-9]+)/[0-9]+\))");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(report.out, m, part)) << cmd << "\n" << report.out;
  EXPECT_GT(std::stoi(m[1].str()), 0) << "the campaign ran pingpong's code: " << m[0];
}

// Runs last (gtest keeps declaration order): by now the build and every run
// above have happened.
TEST_F(OutOfTreeManager, TouchesNoFileOfTheSourceTree) {
  const BinaryResult after = source_status();
  ASSERT_EQ(status_before_.code, 0) << "git status failed in " << kSource << ": " << status_before_.out;
  EXPECT_EQ(after.out, status_before_.out) << "git -C " << kSource << " status --porcelain changed";
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(manager_dir_)) files += e.is_regular_file() ? 1 : 0;
  std::size_t originals = 0;
  for (const auto& e : fs::recursive_directory_iterator(kSource + "/examples/managers/pingpong"))
    originals += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, originals) << "the build wrote into the manager folder " << manager_dir_;
}

}  // namespace
}  // namespace sc::test

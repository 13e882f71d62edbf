// cli_tier_test.cpp — the user's path across tiers, through the real binary:
// a campaign against a planted bug stores a failure; `replay --failure` of
// that stored case gives the same verdict in-process and under QEMU; and
// `run --tier qemu` checks crash states by real reboots with exit code 0
// for the correct manager; an io-error finding under QEMU writes a case that
// the printed replay command (with the run's QEMU flags) rebuilds (the
// faulted run recorded again) to the same verdict; a workload beyond the kernel's memory is exit 2 in both.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "tests/support/run_binary.h"

namespace {

using Result = sc::test::BinaryResult;

Result run(const std::string& args) { return sc::test::run_binary(STABLECUT_BIN, args, /*with_stderr=*/false); }

std::string verdict_line(const std::string& out) {
  const size_t at = out.find("verdict: ");
  return at == std::string::npos ? "" : out.substr(at, out.find('\n', at) - at);
}

TEST(CliTiers, StoredCaseReplaysToTheSameVerdictInBothTiers) {
  const std::string db = ::testing::TempDir() + "/cli_tiers.db";
  std::remove(db.c_str());
  const Result campaign = run("campaign --workloads 1 --jobs 1 --modes prefix --corpus " + std::string(STABLECUT_CORPUS_DIR) +
                              " --bug shadow-skip-flush --no-minimize --db " + db);
  ASSERT_EQ(campaign.code, 1) << campaign.out;
  const Result inproc = run("replay --failure 1 --db " + db);
  const Result qemu = run("replay --failure 1 --tier qemu --db " + db);
  EXPECT_EQ(inproc.code, 1) << inproc.out;
  EXPECT_EQ(qemu.code, 1) << qemu.out;
  EXPECT_NE(verdict_line(inproc.out), "");
  EXPECT_EQ(verdict_line(inproc.out), verdict_line(qemu.out));
}

TEST(CliTiers, RunOnQemuChecksStatesByRealReboots) {
  const Result r = run("run --tier qemu --workload " + std::string(STABLECUT_CORPUS_DIR) +
                       "/basic.json --max-states 24 --live-cuts 2 --cases-dir " + ::testing::TempDir());
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("checked 24 crash states"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("recorded on qemu"), std::string::npos) << r.out;
}

// Both tiers stop judging where the kernel runs out of page frames, at the
// same op, with the same one line.
TEST(CliTiers, WorkloadBeyondTheKernelsMemoryExitsTwoUnderQemuToo) {
  const std::string workload =
      std::string(STABLECUT_CORPUS_DIR) + "/../../tests/workload/beyond_memory/deep_hierarchy_many_pages.json";
  const Result r = sc::test::run_binary(
      STABLECUT_BIN, "run --tier qemu --workload " + workload + " --cases-dir " + ::testing::TempDir());
  EXPECT_EQ(r.code, 2) << r.out;
  EXPECT_NE(r.out.find("workload deep_hierarchy_many_pages: needs more than the kernel's 512 page frames "
                       "(stabilise A returned no_memory)"),
            std::string::npos)
      << r.out;
}

// The case path the run printed after "case: " (empty if none).
std::string case_path(const std::string& out) {
  const size_t at = out.find("case: ");
  return at == std::string::npos ? "" : out.substr(at + 6, out.find('\n', at) - at - 6);
}

// The printed replay and rerun commands carry the QEMU flags that differ
// from the defaults (here a copy of the kernel image and a longer timeout),
// and the printed replay command, run as printed, gives the same verdict.
TEST(CliTiers, IoErrorCaseOfAQemuRunReplaysUnderQemu) {
  const std::string dir = ::testing::TempDir() + "/io_error_cases";
  const std::string kernel = (std::filesystem::path(::testing::TempDir()) / "kernel_copy.elf").lexically_normal().string();
  for (const char* extension : {".elf", ".flash"})  // the image runs from the flash bank beside it
    std::filesystem::copy_file(std::filesystem::path(STABLECUT_KERNEL_ELF).replace_extension(extension),
                               std::filesystem::path(kernel).replace_extension(extension),
                               std::filesystem::copy_options::overwrite_existing);
  const Result r = run("run --tier qemu --kernel " + kernel + " --timeout 20 --workload " +
                       std::string(STABLECUT_CORPUS_DIR) +
                       "/basic.json --modes io-error --max-states 40 --bug shadow-ignore-flush-error --cases-dir " + dir);
  ASSERT_EQ(r.code, 1) << r.out;
  const std::string qemu_flags = "--tier qemu --kernel " + kernel + " --timeout 20";
  EXPECT_NE(r.out.find("rerun: stablecut run " + qemu_flags + " --workload "), std::string::npos) << r.out;
  const size_t at = r.out.find("replay: stablecut replay ");
  ASSERT_NE(at, std::string::npos) << r.out;
  const size_t from = at + std::string("replay: stablecut replay ").size();
  const std::string printed_args = r.out.substr(from, r.out.find('\n', from) - from);
  EXPECT_EQ(printed_args, case_path(r.out) + " " + qemu_flags);
  const Result replayed = run("replay " + printed_args);
  EXPECT_EQ(replayed.code, 1) << replayed.out;
  EXPECT_NE(verdict_line(r.out), "");
  EXPECT_EQ(verdict_line(replayed.out), verdict_line(r.out));
}

// `bench --tier qemu --jobs N` runs N workers, each its own power-cycling
// QEMU, and prints the total and the per-core figures.
TEST(CliTiers, BenchOnQemuTakesJobs) {
  const Result r = run("bench --tier qemu --jobs 2 --states 6");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("6 crash states recovered"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("in total with 2 workers (one QEMU each)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("boot+recover+verify/s per core"), std::string::npos) << r.out;
  EXPECT_EQ(run("bench --tier qemu --jobs 0").code, 2);
  const Result json = run("bench --tier qemu --jobs 1 --states 4 --format json");
  EXPECT_EQ(json.code, 0) << json.out;
  EXPECT_NE(json.out.find("\"bench\":\"qemu\""), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"reboots_per_s\":"), std::string::npos) << json.out;
}

}  // namespace

// qemu_test.cpp — zoo bugs found by real reboots: `stablecut run --tier qemu`
// (recorded under QEMU, crash states spread over the trace, each recovered
// by booting the riscv64 kernel) finds a new kernel bug and new manager bugs
// of both self-managing managers, exit code 1; the first failing case it
// writes replays in-process to an illegal verdict too.
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "tests/support/run_binary.h"
#include "tests/support/param_name.h"

namespace sc::zoo {
namespace {

struct QemuCase {
  const char* bug;
  const char* workload;
  const char* modes;
};

void PrintTo(const QemuCase& c, std::ostream* out) { *out << c.bug << " on " << c.workload; }

// The path after the first "case: " line of `run` output; empty if none.
std::string first_case(const std::string& out) {
  const size_t at = out.find("case: ");
  if (at == std::string::npos) return "";
  const size_t from = at + 6;
  return out.substr(from, out.find('\n', from) - from);
}

class ZooOnQemu : public ::testing::TestWithParam<QemuCase> {};

TEST_P(ZooOnQemu, FoundByRealRebootsAndReplaysInProcess) {
  const QemuCase& c = GetParam();
  const std::string cases = ::testing::TempDir() + "/zoo-qemu-cases";
  const auto r = test::run_binary(STABLECUT_BIN, std::string("run --tier qemu --workload ") + STABLECUT_CORPUS_DIR + "/" +
                                                     c.workload + ".json --bug " + c.bug + " --modes " + c.modes +
                                                     " --max-states 48 --live-cuts 0 --cases-dir " + cases,
                                  /*with_stderr=*/false);
  ASSERT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("recorded on qemu"), std::string::npos) << r.out;
  const std::string path = first_case(r.out);
  ASSERT_NE(path, "") << r.out;
  const auto replay = test::run_binary(STABLECUT_BIN, "replay " + path + " --tier inproc", /*with_stderr=*/false);
  EXPECT_EQ(replay.code, 1) << replay.out;
}

INSTANTIATE_TEST_SUITE_P(Bugs, ZooOnQemu,
                         ::testing::Values(QemuCase{"kernel-cut-drops-idle-managers", "concurrent_loci", "prefix,reorder,torn"},
                                           QemuCase{"shadow-recover-frees-data", "crash_cycles", "prefix,reorder,torn"},
                                           QemuCase{"journal-skip-by-ends", "journal_basic", "torn"}),
                         sc::test::named_by_bug);

}  // namespace
}  // namespace sc::zoo

// Recovery from damaged stable media: a corrupt root copy fails recovery
// cleanly (a report, not a crash); a corrupt newest cut record falls back to
// the previous consistent cut, whose root copy was never overwritten.
#include <array>

#include "injector/inproc/readback.h"
#include "kernel/core/root_store.h"
#include "tests/core/test_system.h"

namespace sc {
namespace {

const char* const kTwoStabilisations = R"({"format":"stablecut-workload","version":1,"name":"two",
  "managers":[{"name":"A","kind":"shadow","partition_blocks":64}],
  "steps":[{"run":[{"locus":"w","home":"A","ops":[{"op":"create","container":"c","manager":"A"},
    {"op":"write","container":"c","page":0,"value":1},{"op":"stabilise","manager":"A"},
    {"op":"write","container":"c","page":0,"value":2},{"op":"write","container":"c","page":1,"value":3},
    {"op":"stabilise","manager":"A"}]}]}]})";

void smash(MemDisk& disk, uint64_t sector) {
  std::array<uint8_t, kSectorSize> garbage;
  garbage.fill(0xa5);
  ASSERT_EQ(disk.write(sector, 1, garbage.data(), true), Status::ok);
}

TEST(Recovery, CorruptRootCopyFailsWithAReport) {
  test::TestSystem sys(test::workload_from(kTwoStabilisations));
  ASSERT_TRUE(sys.runner.run().findings.empty());
  CutRecord cut;
  ASSERT_EQ(read_newest_cut(sys.disk, &cut), Status::ok);
  smash(sys.disk, root_copy_sector(0, cut.find(0)->copy) + 3);
  EXPECT_EQ(sys.runner.machine().boot(), Status::corrupt);
  EXPECT_EQ(sys.kernel().boot_report().failed_manager, 0);
}

TEST(Recovery, CorruptNewestCutFallsBackToThePreviousState) {
  test::TestSystem sys(test::workload_from(kTwoStabilisations));
  ASSERT_TRUE(sys.runner.run().findings.empty());
  ASSERT_EQ(sys.runner.model().stabilisations(), 2u);
  smash(sys.disk, 0);  // cut epoch 2 lives in sector 0
  ASSERT_EQ(sys.runner.machine().boot(), Status::ok);
  EXPECT_EQ(sys.kernel().committed_epoch(), 1u);
  SystemState recovered;
  ASSERT_EQ(read_back(sys.runner.machine(), sys.w, &recovered), Status::ok);
  EXPECT_EQ(recovered, sys.runner.model().stable(1));
  EXPECT_NE(recovered, sys.runner.model().stable(2));
}

TEST(Recovery, EmptyDiskBootsFresh) {
  test::TestSystem sys(test::workload_from(test::kOneManager));
  ASSERT_EQ(sys.runner.machine().boot(), Status::ok);
  EXPECT_FALSE(sys.kernel().boot_report().had_cut);
  EXPECT_FALSE(sys.kernel().container_exists(2));
}

}  // namespace
}  // namespace sc

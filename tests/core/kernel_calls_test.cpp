// Kernel calls: every capref and argument is checked; bad ones are error
// codes, never crashes (decode before invoke).
#include <array>

#include "tests/core/test_system.h"

namespace sc {
namespace {

class KernelCallsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(sys.runner.run().findings.empty());
    ASSERT_EQ(sys.kernel().create_locus(0, &locus), Status::ok);
    ASSERT_EQ(sys.kernel().locus_open(locus, 2, &data_cap), Status::ok);
  }
  test::TestSystem sys{test::workload_from(test::kOneManager)};
  LocusId locus = kNoLocus;
  Capref data_cap;
  std::array<uint8_t, kPageSize> page{};
};

TEST_F(KernelCallsTest, LocusWithGoodCaprefReadsWhatWasWritten) {
  std::array<uint8_t, kPageSize> back{};
  page[0] = 42;
  ASSERT_EQ(sys.kernel().locus_write(locus, data_cap, 3, page.data()), Status::ok);
  ASSERT_EQ(sys.kernel().locus_read(locus, data_cap, 3, back.data()), Status::ok);
  EXPECT_EQ(back, page);
}

TEST_F(KernelCallsTest, ForgedAndOutOfRangeLocusCallsAreRefused) {
  Kernel& k = sys.kernel();
  EXPECT_EQ(k.locus_write(locus, Capref{999, 1}, 0, page.data()), Status::bad_capref);
  EXPECT_EQ(k.locus_write(locus, Capref{data_cap.slot, data_cap.generation + 7}, 0, page.data()), Status::bad_capref);
  EXPECT_EQ(k.locus_write(locus, data_cap, kMaxPageNumber, page.data()), Status::bad_argument);
  EXPECT_EQ(k.locus_write(kMaxLoci, data_cap, 0, page.data()), Status::bad_argument);
  EXPECT_EQ(k.locus_write(locus + 1, data_cap, 0, page.data()), Status::bad_argument);
  Capref cap;
  EXPECT_EQ(k.locus_open(locus, 31, &cap), Status::not_found);
  EXPECT_EQ(k.locus_create_container(locus, 2, 0, &cap), Status::exists);
  EXPECT_EQ(k.locus_create_container(locus, kMaxContainers, 0, &cap), Status::bad_argument);
  EXPECT_EQ(k.locus_create_container(locus, 9, 6, &cap), Status::not_found);
  EXPECT_EQ(k.locus_request_stabilisation(locus, 1), Status::bad_argument);
  EXPECT_EQ(k.locus_request_stabilisation(locus, 200), Status::bad_argument);
}

TEST_F(KernelCallsTest, RootPageBelongsToTheKernel) {
  Capref home;
  ASSERT_EQ(sys.kernel().locus_open(locus, 0, &home), Status::ok);
  EXPECT_EQ(sys.kernel().locus_write(locus, home, 0, page.data()), Status::no_rights);
  EXPECT_EQ(sys.kernel().locus_write(locus, home, 1, page.data()), Status::ok);
}

TEST_F(KernelCallsTest, ManagerCallsCheckCallerCaprefAndRights) {
  Kernel& k = sys.kernel();
  Capref managed;
  ASSERT_EQ(k.sys_create_container(0, 7, &managed), Status::ok);
  EXPECT_EQ(k.sys_create_container(0, 7, &managed), Status::exists);
  EXPECT_EQ(k.sys_create_container(0, kMaxContainers, &managed), Status::bad_argument);
  EXPECT_EQ(k.sys_create_container(kMaxManagers + 1, 8, &managed), Status::bad_argument);
  EXPECT_EQ(k.sys_supply_page(0, managed, 4, page.data()), Status::ok);
  EXPECT_EQ(k.sys_supply_page(0, managed, 4, page.data()), Status::exists);
  EXPECT_EQ(k.sys_supply_page(1, managed, 5, page.data()), Status::no_rights);   // M does not manage it
  EXPECT_EQ(k.sys_supply_page(9, managed, 5, page.data()), Status::bad_argument);
  EXPECT_EQ(k.sys_supply_page(0, data_cap, 5, page.data()), Status::no_rights);  // locus cap: no manage right
  EXPECT_EQ(k.sys_supply_page(0, Capref{77, 3}, 5, page.data()), Status::bad_capref);
  EXPECT_EQ(k.sys_write_page(0, managed, 1, page.data()), Status::no_rights);    // not its own container
  EXPECT_EQ(k.sys_read_page(1, managed, 4, page.data()), Status::no_rights);
  EXPECT_EQ(k.sys_snapshot_request(0, data_cap), Status::no_rights);
  EXPECT_EQ(k.sys_snapshot_request(0, managed), Status::no_rights);              // not its home
  EXPECT_EQ(k.sys_map_root_page(1, managed, 0), Status::no_rights);
}

TEST_F(KernelCallsTest, DiskCallsStayInsideThePartition) {
  Kernel& k = sys.kernel();
  uint64_t blocks = 0;
  ASSERT_EQ(k.sys_disk_blocks(0, &blocks), Status::ok);
  EXPECT_EQ(blocks, 64u);
  EXPECT_EQ(k.sys_disk_read(0, blocks - 1, page.data()), Status::ok);
  EXPECT_EQ(k.sys_disk_read(0, blocks, page.data()), Status::bad_argument);
  EXPECT_EQ(k.sys_disk_write(0, ~0ULL, page.data()), Status::bad_argument);
  EXPECT_EQ(k.sys_disk_read(1, 0, page.data()), Status::bad_argument);  // ordinary managers have no partition
  EXPECT_EQ(k.sys_disk_flush(kMaxManagers), Status::bad_argument);
}

}  // namespace
}  // namespace sc

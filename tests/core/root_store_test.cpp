// Root copies and cut records on disk: checksums, versions, ping-pong slots,
// and the kernel's choice of copy (invariants R1–R4 of root_store.h).
#include <array>

#include "kernel/core/root_store.h"
#include "tests/core/test_system.h"

namespace sc {
namespace {

std::array<uint8_t, kPageSize> page_of(uint8_t v) {
  std::array<uint8_t, kPageSize> p;
  p.fill(v);
  return p;
}

TEST(RootStore, RootCopyRoundTripsAndRejectsCorruption) {
  MemDisk disk(256);
  const auto page = page_of(7);
  ASSERT_EQ(write_root_copy(disk, 1, 0, 5, page.data()), Status::ok);
  std::array<uint8_t, kPageSize> back{};
  uint32_t version = 0;
  ASSERT_EQ(read_root_copy(disk, 1, 0, back.data(), &version), Status::ok);
  EXPECT_EQ(version, 5u);
  EXPECT_EQ(back, page);
  EXPECT_EQ(read_root_copy(disk, 2, 0, back.data(), &version), Status::corrupt);  // never written
  EXPECT_EQ(read_root_copy(disk, 1, 2, back.data(), &version), Status::bad_argument);
  std::array<uint8_t, kSectorSize> sector{};
  ASSERT_EQ(disk.read(root_copy_sector(1, 0) + 4, 1, sector.data()), Status::ok);
  sector[17] ^= 1;
  ASSERT_EQ(disk.write(root_copy_sector(1, 0) + 4, 1, sector.data(), true), Status::ok);
  EXPECT_EQ(read_root_copy(disk, 1, 0, back.data(), &version), Status::corrupt);
}

TEST(RootStore, NewestValidCutWinsAndACorruptOneFallsBack) {
  MemDisk disk(256);
  CutRecord cut;
  EXPECT_EQ(read_newest_cut(disk, &cut), Status::not_found);
  CutRecord one;
  one.epoch = 1;
  ASSERT_TRUE(one.set(CutEntry{0, 0, 0, 1}));
  CutRecord two = one;
  two.epoch = 2;
  ASSERT_TRUE(two.set(CutEntry{0, 1, 0, 2}));
  ASSERT_EQ(write_cut_record(disk, one), Status::ok);
  ASSERT_EQ(write_cut_record(disk, two), Status::ok);
  ASSERT_EQ(read_newest_cut(disk, &cut), Status::ok);
  EXPECT_EQ(cut.epoch, 2u);
  EXPECT_EQ(cut.find(0)->copy, 1);
  std::array<uint8_t, kSectorSize> garbage;
  garbage.fill(0x5a);
  ASSERT_EQ(disk.write(0, 1, garbage.data(), true), Status::ok);  // cut 2 lives in sector 0
  ASSERT_EQ(read_newest_cut(disk, &cut), Status::ok);
  EXPECT_EQ(cut.epoch, 1u);
}

class RootVersioning : public ::testing::TestWithParam<bool> {};

// Three stabilisations of A: copies alternate 0, 1, 0 and the copy the
// previous cut needs stays valid — unless the overwrite bug is seeded.
TEST_P(RootVersioning, CopiesAlternateAndThePreviousSurvives) {
  const bool overwrite_bug = GetParam();
  RunOptions options;
  options.bugs.kernel.overwrite_live_root_copy = overwrite_bug;
  test::TestSystem sys(test::corpus_workload("basic"), options);
  RunResult r = sys.runner.run();
  ASSERT_TRUE(r.findings.empty()) << r.findings.front();
  CutRecord cut;
  ASSERT_EQ(read_newest_cut(sys.disk, &cut), Status::ok);
  EXPECT_EQ(cut.epoch, 3u);
  ASSERT_NE(cut.find(0), nullptr);
  EXPECT_EQ(cut.find(0)->version, 3u);
  EXPECT_EQ(cut.find(0)->copy, 0);
  std::array<uint8_t, kPageSize> page{};
  uint32_t version = 0;
  const Status other = read_root_copy(sys.disk, 0, 1, page.data(), &version);
  if (overwrite_bug) {
    EXPECT_EQ(other, Status::corrupt);
  } else {
    ASSERT_EQ(other, Status::ok);
    EXPECT_EQ(version, 2u);
  }
}

INSTANTIATE_TEST_SUITE_P(Kernel, RootVersioning, ::testing::Values(false, true));

}  // namespace
}  // namespace sc

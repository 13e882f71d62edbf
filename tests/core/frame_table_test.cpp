// The kernel's resident page frames: lookup, dirty-page listing (ascending,
// one container's, only dirty ones, including the last frame) and the
// no_memory refusal when all kMaxFrames are in use.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "kernel/core/frame_table.h"

namespace sc {
namespace {

std::vector<uint32_t> dirty_of(const FrameTable& t, ContainerId c) {
  std::vector<uint32_t> pages(kMaxFrames);
  pages.resize(t.dirty_pages(c, pages.data()));
  return pages;
}

class FrameTableTest : public ::testing::Test {
 protected:
  void SetUp() override { table->reset(); }
  int allocate_dirty(ContainerId c, uint32_t page) {
    int frame = FrameTable::kNone;
    EXPECT_EQ(table->allocate(c, page, &frame), Status::ok);
    table->set_dirty(frame, true);
    return frame;
  }
  std::unique_ptr<FrameTable> table = std::make_unique<FrameTable>();
};

TEST_F(FrameTableTest, ListsOneContainersDirtyPagesAscending) {
  allocate_dirty(3, 9);
  allocate_dirty(4, 1);
  const int clean = allocate_dirty(3, 2);
  allocate_dirty(3, 5);
  table->set_dirty(clean, false);
  EXPECT_EQ(dirty_of(*table, 3), (std::vector<uint32_t>{5, 9}));
  EXPECT_EQ(dirty_of(*table, 4), (std::vector<uint32_t>{1}));
  EXPECT_EQ(table->find(3, 2), clean);
  EXPECT_EQ(table->find(3, 3), FrameTable::kNone);
}

TEST_F(FrameTableTest, EveryFrameIsUsableAndOneMoreIsNoMemory) {
  for (uint32_t p = 0; p < kMaxFrames; ++p) allocate_dirty(p % 2, p);
  int frame = FrameTable::kNone;
  EXPECT_EQ(table->allocate(7, 0, &frame), Status::no_memory);
  EXPECT_EQ(table->allocate(1, 1, &frame), Status::exists);
  EXPECT_EQ(dirty_of(*table, 1).size(), kMaxFrames / 2);
  EXPECT_EQ(dirty_of(*table, 1).back(), kMaxFrames - 1);  // the last frame is listed too
  EXPECT_EQ(table->find(1, kMaxFrames - 1), static_cast<int>(kMaxFrames - 1));
}

TEST_F(FrameTableTest, ResetForgetsEveryFrame) {
  for (uint32_t p = 0; p < 40; ++p) allocate_dirty(2, p);
  table->reset();
  EXPECT_TRUE(dirty_of(*table, 2).empty());
  EXPECT_EQ(table->find(2, 0), FrameTable::kNone);
  EXPECT_EQ(allocate_dirty(2, 30), 0);
  EXPECT_EQ(dirty_of(*table, 2), (std::vector<uint32_t>{30}));
}

}  // namespace
}  // namespace sc

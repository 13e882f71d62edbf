// image_regions_test.cpp — the fuzzers' region map of the base system's
// image (fuzz/image_regions.h) reseals through the formats' own seal
// helpers: resealing the untouched image changes no byte (every region's
// checksum is recomputed exactly as its owner wrote it), regions of every
// kind are found, and a patched, resealed root copy still reads back.
#include <gtest/gtest.h>

#include <set>

#include "fuzz/base_system.h"
#include "fuzz/image_disk.h"
#include "fuzz/image_regions.h"
#include "kernel/core/root_store.h"

namespace sc::fuzz {
namespace {

TEST(ImageRegions, ResealingTheBaseImageChangesNothing) {
  const std::vector<Region> regions = find_regions(base_image(), base_workload());
  std::set<RegionKind> kinds;
  for (const Region& r : regions) kinds.insert(r.kind);
  EXPECT_EQ(kinds.size(), 7u);
  std::vector<uint8_t> copy = base_image();
  reseal(copy, regions);
  EXPECT_EQ(copy, base_image());
}

TEST(ImageRegions, APatchedRootCopyReadsBackOnceResealed) {
  const std::vector<Region> regions = find_regions(base_image(), base_workload());
  std::vector<uint8_t> image = base_image();
  const Region* root = nullptr;
  for (const Region& r : regions)
    if (r.kind == RegionKind::root_copy && root == nullptr) root = &r;
  ASSERT_NE(root, nullptr);
  image[root->offset + root->size - 1] ^= 0x5a;  // the last byte of the copied page
  uint8_t page[kPageSize];
  uint32_t version = 0;
  const uint64_t sector = root->offset / kSectorSize;
  auto read_copy = [&](const std::vector<uint8_t>& img) {
    ImageDisk disk(img);
    for (ManagerId m = 0; m < kMaxSelfManaging; ++m)
      for (uint8_t c = 0; c < 2; ++c)
        if (root_copy_sector(m, c) == sector) return read_root_copy(disk, m, c, page, &version);
    return Status::not_found;
  };
  EXPECT_EQ(read_copy(image), Status::corrupt);
  reseal(image, regions);
  EXPECT_EQ(read_copy(image), Status::ok);
}

}  // namespace
}  // namespace sc::fuzz

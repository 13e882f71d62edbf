// image_regions.cpp — see image_regions.h. Every checksum is recomputed by
// the seal helpers the owners of the formats export (kernel/core/root_store.h,
// managers/shadow/shadow_format.h, managers/ordinary/ordinary_manager.h); nothing here knows
// a checksum layout.
#include "fuzz/image_regions.h"

#include "fuzz/image_disk.h"
#include "kernel/core/root_store.h"
#include "managers/ordinary/ordinary_manager.h"
#include "managers/shadow/shadow_format.h"
#include "managers/shadow/shadow_reseal.h"

namespace sc::fuzz {

namespace {

struct Partition {
  uint64_t offset;
  uint32_t blocks;
};

class RegionFinder {
 public:
  RegionFinder(const std::vector<uint8_t>& image, const Workload& w) : disk_(image), w_(w) {}

  std::vector<Region> find() {
    for (uint64_t slot = 0; slot < 2; ++slot) add(RegionKind::cut_record, slot * kSectorSize, kSectorSize, {0, 0});
    const BootConfig config = boot_config(w_, SeededBugs{});
    for (uint32_t i = 0; i < config.manager_count; ++i) {
      const ManagerConfig& mc = config.managers[i];
      if (mc.managed_by != kNoManager) continue;
      const Partition p{mc.partition_start * kSectorSize, static_cast<uint32_t>(mc.partition_sectors / kSectorsPerPage)};
      for (uint8_t copy = 0; copy < 2; ++copy) add_root_copy(mc.id, copy, p);
    }
    return regions_;
  }

 private:
  void add(RegionKind kind, uint64_t offset, uint32_t size, Partition p) {
    for (const Region& r : regions_)
      if (r.offset == offset) return;
    regions_.push_back(Region{kind, offset, size, p.offset, p.blocks});
  }

  void add_block(RegionKind kind, uint64_t block, Partition p) { add(kind, p.offset + block * kPageSize, kPageSize, p); }

  void add_root_copy(ManagerId m, uint8_t copy, Partition p) {
    add(RegionKind::root_copy, root_copy_sector(m, copy) * kSectorSize, kRootCopySectors * kSectorSize, p);
    uint8_t page[kPageSize];
    uint32_t version = 0;
    shadow::RootInfo root{};
    if (failed(read_root_copy(disk_, m, copy, page, &version)) || failed(shadow::decode_root(page, &root))) return;
    uint8_t block[kPageSize];
    shadow::Checkpoint cp{};
    if (root.checkpoint >= p.blocks || failed(disk_.read(sector_of(p, root.checkpoint), kSectorsPerPage, block)) ||
        failed(shadow::decode_checkpoint(block, p.blocks, &cp)))
      return;
    add_block(RegionKind::checkpoint, root.checkpoint, p);
    add_block(RegionKind::bitmap, cp.bitmap_block, p);
    for (uint32_t i = 0; i < cp.map_block_count; ++i) add_map_block(cp.map_blocks[i], p);
  }

  void add_map_block(uint32_t map_block, Partition p) {
    add_block(RegionKind::map_block, map_block, p);
    uint8_t block[kPageSize];
    shadow::MapEntry entries[shadow::kEntriesPerMapBlock];
    uint32_t count = 0;
    if (failed(disk_.read(sector_of(p, map_block), kSectorsPerPage, block)) ||
        failed(shadow::decode_map_block(block, p.blocks, entries, shadow::kEntriesPerMapBlock, &count)))
      return;
    for (uint32_t i = 0; i < count; ++i) {
      const bool header = w_.is_home(entries[i].container) && entries[i].page == 0 &&
                          !w_.managers[entries[i].container].self_managing();
      add_block(header ? RegionKind::ordinary_header : RegionKind::data_block, entries[i].block, p);
    }
  }

  static uint64_t sector_of(Partition p, uint64_t block) { return p.offset / kSectorSize + block * kSectorsPerPage; }

  ImageDisk disk_;
  const Workload& w_;
  std::vector<Region> regions_;
};

void reseal_kind(std::vector<uint8_t>& image, const Region& r) {
  uint8_t* p = image.data() + r.offset;
  switch (r.kind) {
    case RegionKind::ordinary_header: seal_ordinary_header(p); break;
    case RegionKind::checkpoint:
      shadow::reseal_checkpoint(p, image.data() + r.partition_offset, r.partition_blocks);
      break;
    case RegionKind::bitmap: shadow::seal_block(p); break;
    case RegionKind::map_block:
      shadow::reseal_map_entries(p, image.data() + r.partition_offset, r.partition_blocks);
      break;
    case RegionKind::root_copy: seal_root_copy(p); break;
    case RegionKind::cut_record: seal_cut_record(p); break;
    case RegionKind::data_block: break;
  }
}

}  // namespace

std::vector<Region> find_regions(const std::vector<uint8_t>& image, const Workload& w) {
  return RegionFinder(image, w).find();
}

void reseal(std::vector<uint8_t>& image, const std::vector<Region>& regions) {
  const RegionKind order[] = {RegionKind::ordinary_header, RegionKind::map_block, RegionKind::bitmap,
                              RegionKind::checkpoint, RegionKind::root_copy, RegionKind::cut_record};
  for (const RegionKind kind : order) {
    for (const Region& r : regions) {
      if (r.kind == kind) reseal_kind(image, r);
    }
  }
}

}  // namespace sc::fuzz

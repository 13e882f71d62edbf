// fsck.cpp — see fsck.h. Uses the on-disk format definitions
// (root_store.h, shadow_format.h) but none of the kernel's or manager's
// recovery code.
#include "injector/oracle/fsck.h"

#include <fmt/format.h>

#include <array>
#include <vector>

#include "kernel/core/root_store.h"
#include "managers/shadow/shadow_format.h"

namespace sc {

namespace {

class PartitionCheck {
 public:
  PartitionCheck(BlockDevice& disk, const ManagerConfig& mc, std::vector<std::string>& out)
      : disk_(disk), mc_(mc), out_(out), blocks_(mc.partition_sectors / kSectorsPerPage) {
    if (blocks_ > shadow::kMaxPartitionBlocks) blocks_ = shadow::kMaxPartitionBlocks;
    owners_.assign(blocks_, 0);
  }

  void run(const uint8_t* root_page);

 private:
  bool read(uint64_t block, uint8_t* buf) {
    return block < blocks_ && !failed(disk_.read(mc_.partition_start + block * kSectorsPerPage, kSectorsPerPage, buf));
  }
  void violation(const std::string& what) { out_.push_back(fmt::format("manager {}: {}", mc_.id, what)); }
  void own(uint64_t block, const char* what);
  void check_bitmap(uint32_t block);

  BlockDevice& disk_;
  const ManagerConfig& mc_;
  std::vector<std::string>& out_;
  uint64_t blocks_;
  std::vector<uint8_t> owners_;
  std::array<uint8_t, kPageSize> buf_{};
};

void PartitionCheck::own(uint64_t block, const char* what) {
  if (block >= blocks_) return violation(fmt::format("{} block {} is outside the partition", what, block));
  if (owners_[block]++) violation(fmt::format("block {} is owned twice ({})", block, what));
}

void PartitionCheck::check_bitmap(uint32_t block) {
  std::vector<uint8_t> allocated(blocks_);
  if (!read(block, buf_.data()) || failed(shadow::decode_bitmap(buf_.data(), blocks_, allocated.data())))
    return violation(fmt::format("bitmap block {} fails its checksum", block));
  for (uint64_t b = 0; b < blocks_; ++b)
    if (owners_[b] && !allocated[b]) violation(fmt::format("reachable block {} is marked free", b));
}

void PartitionCheck::run(const uint8_t* root_page) {
  shadow::RootInfo root{};
  if (failed(shadow::decode_root(root_page, &root))) return violation("root page has no valid header");
  if (root.checkpoint == shadow::kNoBlock) return violation("stabilised root page names no checkpoint");
  shadow::Checkpoint cp{};
  if (!read(root.checkpoint, buf_.data()) || failed(shadow::decode_checkpoint(buf_.data(), blocks_, &cp)))
    return violation(fmt::format("checkpoint block {} fails its checksum", root.checkpoint));
  own(root.checkpoint, "checkpoint");
  own(cp.bitmap_block, "bitmap");
  for (uint32_t i = 0; i < cp.map_block_count; ++i) {
    own(cp.map_blocks[i], "map");
    std::array<shadow::MapEntry, shadow::kEntriesPerMapBlock> entries{};
    uint32_t count = 0;
    if (!read(cp.map_blocks[i], buf_.data()) ||
        failed(shadow::decode_map_block(buf_.data(), blocks_, entries.data(), shadow::kEntriesPerMapBlock, &count))) {
      violation(fmt::format("map block {} fails its checksum", cp.map_blocks[i]));
      continue;
    }
    for (uint32_t e = 0; e < count; ++e) own(entries[e].block, "data");
  }
  check_bitmap(cp.bitmap_block);
}

}  // namespace

std::vector<std::string> fsck_disk(BlockDevice& disk, const BootConfig& config) {
  std::vector<std::string> out;
  CutRecord cut;
  if (failed(read_newest_cut(disk, &cut))) return out;
  for (uint32_t i = 0; i < config.manager_count; ++i) {
    const ManagerConfig& mc = config.managers[i];
    const CutEntry* e = cut.find(mc.id);
    if (mc.managed_by != kNoManager || e == nullptr) continue;
    std::array<uint8_t, kPageSize> page{};
    uint32_t version = 0;
    if (failed(read_root_copy(disk, mc.id, e->copy, page.data(), &version)) || version != e->version) {
      out.push_back(fmt::format("manager {}: root copy {} named by cut {} is invalid", mc.id, e->copy, cut.epoch));
      continue;
    }
    PartitionCheck(disk, mc, out).run(page.data());
  }
  return out;
}

}  // namespace sc

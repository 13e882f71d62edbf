// shadow_recover.cpp — recovery of the self-managing manager: from the root
// page the kernel restored, read the checkpoint, the map blocks and the
// bitmap, validate them, and recreate every container it manages. Anything
// inconsistent is Status::corrupt; nothing is written. Every block reachable
// from the checkpoint must be marked allocated in its bitmap and be reached
// once (claim()): otherwise a later snapshot could free or reuse a block the
// state still needs.
#include "managers/shadow/shadow_manager.h"

namespace sc {

// Marks a reachable block as claimed (fresh, for the length of recovery);
// corrupt if the bitmap says it is free or it was already claimed.
Status ShadowManager::claim(uint64_t block) {
  if (block >= block_count_ || blocks_[block] != BlockState::committed) return Status::corrupt;
  blocks_[block] = BlockState::fresh;
  return Status::ok;
}

// Seeded bug kShadowBugTrustStaleMetadata skips the check.
bool ShadowManager::sealed_by_checkpoint(const uint8_t* block, uint64_t seal) const {
  return shadow::block_seal(block) == seal || (bugs_ & kShadowBugTrustStaleMetadata) != 0;
}

Status ShadowManager::load_map_block(uint32_t block, uint64_t seal) {
  uint8_t data[kPageSize];
  Status s = sys_.disk_read(block, data);
  if (failed(s)) return s;
  uint32_t count = 0;
  s = shadow::decode_map_block(data, block_count_, map_ + map_count_, shadow::kMaxMapEntries - map_count_,
                               &count);
  if (failed(s)) return s;
  if (!sealed_by_checkpoint(data, seal)) return Status::corrupt;  // a valid map block of another checkpoint
  for (uint32_t i = 0; i < count; ++i) {
    const shadow::MapEntry& e = map_[map_count_ + i];
    if (find_entry(e.container, e.page) >= 0) return Status::corrupt;
    s = claim(e.block);
    if (failed(s)) return s;
  }
  map_count_ += count;
  return Status::ok;
}

Status ShadowManager::load_bitmap(uint32_t block, uint64_t seal) {
  uint8_t data[kPageSize];
  uint8_t allocated[shadow::kMaxPartitionBlocks];
  Status s = sys_.disk_read(block, data);
  if (!failed(s)) s = shadow::decode_bitmap(data, block_count_, allocated);
  if (failed(s)) return s;
  if (!sealed_by_checkpoint(data, seal)) return Status::corrupt;  // a valid bitmap of another checkpoint
  for (uint64_t b = 0; b < block_count_; ++b)
    blocks_[b] = allocated[b] ? BlockState::committed : BlockState::free;
  return Status::ok;
}

Status ShadowManager::load_checkpoint(uint64_t block) {
  if (block >= block_count_) return Status::corrupt;
  uint8_t data[kPageSize];
  shadow::Checkpoint cp{};
  Status s = sys_.disk_read(block, data);
  if (!failed(s)) s = shadow::decode_checkpoint(data, block_count_, &cp);
  // The block must hold the checkpoint the root page names: where its write
  // was lost (a lying flush, a lost or misdirected write) an older checkpoint
  // is still there, valid by its own checksum but not the stable state.
  if (!failed(s) && cp.generation != generation_ && (bugs_ & kShadowBugTrustStaleMetadata) == 0) s = Status::corrupt;
  if (!failed(s)) s = load_bitmap(cp.bitmap_block, cp.bitmap_seal);
  if (!failed(s)) s = claim(block);
  if (!failed(s)) s = claim(cp.bitmap_block);
  for (uint32_t i = 0; i < cp.map_block_count && !failed(s); ++i) s = claim(cp.map_blocks[i]);
  for (uint32_t i = 0; i < cp.map_block_count && !failed(s); ++i) s = load_map_block(cp.map_blocks[i], cp.map_seals[i]);
  if (failed(s)) return s;
  for (uint64_t b = 0; b < block_count_; ++b)
    if (blocks_[b] == BlockState::fresh) blocks_[b] = BlockState::committed;
  meta_blocks_[0] = static_cast<uint32_t>(block);
  meta_blocks_[1] = cp.bitmap_block;
  for (uint32_t i = 0; i < cp.map_block_count; ++i) meta_blocks_[2 + i] = cp.map_blocks[i];
  meta_count_ = 2 + cp.map_block_count;
  if ((bugs_ & kShadowBugRecoverFreesData) != 0) keep_only_blocks_read();
  for (uint32_t i = 0; i < cp.container_count && !failed(s); ++i) {
    if (cp.containers[i] == home_) continue;
    Capref cap;
    s = sys_.create_container(cp.containers[i], &cap);
    if (!failed(s)) s = containers_.add(cp.containers[i], cap);
  }
  for (uint32_t i = 0; i < map_count_ && !failed(s); ++i) {
    bool known = map_[i].container == home_;
    for (uint32_t j = 0; j < cp.container_count; ++j) known = known || cp.containers[j] == map_[i].container;
    if (!known) s = Status::corrupt;
  }
  return s;
}

Status ShadowManager::recover() {
  uint8_t page[kPageSize];
  shadow::RootInfo root{};
  Status s = load_partition_size();
  if (!failed(s)) s = containers_.add(home_, self_);
  if (!failed(s)) s = sys_.read_page(self_, shadow::kShadowRootPage, page);
  if (!failed(s)) s = shadow::decode_root(page, &root);
  if (failed(s)) return s;
  if (root.entry != kEntryShadowManager || root.checkpoint == shadow::kNoBlock) return Status::corrupt;
  generation_ = root.generation;
  s = load_checkpoint(root.checkpoint);
  if (failed(s)) failed_ = true;
  return s;
}

}  // namespace sc

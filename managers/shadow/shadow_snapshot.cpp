// shadow_snapshot.cpp — container_snapshot of the self-managing manager:
// shadow-paged save of every dirty page, then map, bitmap and checkpoint
// blocks, a flush, and the root page update. Never writes a block the last
// durable checkpoint can reach (unless the reuse bug is seeded).
#include "kernel/core/checksum.h"
#include "managers/shadow/shadow_manager.h"

namespace sc {

Status ShadowManager::allocate_block(uint32_t* block) {
  for (uint32_t b = 0; b < block_count_; ++b) {
    if (blocks_[b] != BlockState::free) continue;
    blocks_[b] = BlockState::fresh;
    *block = b;
    return Status::ok;
  }
  return Status::no_space;
}

void ShadowManager::retire(uint32_t block) {
  blocks_[block] = (bugs_ & kShadowBugReuseBlocks) != 0 ? BlockState::free : BlockState::retiring;
}

Status ShadowManager::save_page(const ManagedContainer& c, uint32_t page) {
  uint8_t data[kPageSize];
  uint32_t block = 0;
  const bool unchecked = (bugs_ & kShadowBugUncheckedReadPage) != 0;
  Status s = unchecked ? read_page_unchecked(c, page, data) : sys_.read_page(c.cap, page, data);
  if (!failed(s)) s = allocate_block(&block);
  if (!failed(s)) s = sys_.disk_write(block, data);
  if (failed(s)) return s;
  const uint64_t sum = checksum64(data, kPageSize);
  const int i = find_entry(c.id, page);
  if (i >= 0) {
    retire(map_[i].block);
    map_[i].block = block;
    map_[i].checksum = sum;
  } else if (map_count_ < shadow::kMaxMapEntries) {
    map_[map_count_++] = shadow::MapEntry{c.id, page, block, sum};
  } else {
    return Status::no_space;
  }
  sys_.yield();
  return sys_.clean_page(c.cap, page);
}

Status ShadowManager::save_dirty_pages(const ManagedContainer& c) {
  uint32_t dirty[kMaxFrames];
  uint32_t count = 0;
  Status s = sys_.dirty_pages(c.cap, dirty, &count);
  for (uint32_t i = 0; i < count && !failed(s); ++i) s = save_page(c, dirty[i]);
  return s;
}

// Layout of the new metadata: meta_blocks_[0] checkpoint, [1] bitmap, then
// the map blocks. All are allocated before the bitmap is encoded, so the
// bitmap marks them too.
Status ShadowManager::write_metadata(uint32_t* checkpoint) {
  for (uint32_t i = 0; i < meta_count_; ++i) retire(meta_blocks_[i]);
  const uint32_t map_blocks = (map_count_ + shadow::kEntriesPerMapBlock - 1) / shadow::kEntriesPerMapBlock;
  meta_count_ = 2 + map_blocks;
  for (uint32_t i = 0; i < meta_count_; ++i) {
    const Status s = allocate_block(&meta_blocks_[i]);
    if (failed(s)) return s;
  }
  shadow::Checkpoint cp{};
  cp.generation = generation_ + 1;
  for (const auto& c : containers_)
    if (c.live) cp.containers[cp.container_count++] = c.id;
  cp.bitmap_block = meta_blocks_[1];
  cp.map_block_count = map_blocks;
  uint8_t block[kPageSize];
  for (uint32_t i = 0; i < map_blocks; ++i) {
    const uint32_t first = i * shadow::kEntriesPerMapBlock;
    const uint32_t n = map_count_ - first < shadow::kEntriesPerMapBlock ? map_count_ - first
                                                                        : shadow::kEntriesPerMapBlock;
    cp.map_blocks[i] = meta_blocks_[2 + i];
    shadow::encode_map_block(map_ + first, n, block);
    cp.map_seals[i] = shadow::block_seal(block);
    const Status s = sys_.disk_write(cp.map_blocks[i], block);
    if (failed(s)) return s;
  }
  uint8_t allocated[shadow::kMaxPartitionBlocks];
  for (uint64_t b = 0; b < block_count_; ++b)
    allocated[b] = blocks_[b] == BlockState::fresh || blocks_[b] == BlockState::committed;
  shadow::encode_bitmap(allocated, block_count_, block);
  cp.bitmap_seal = shadow::block_seal(block);
  Status s = sys_.disk_write(cp.bitmap_block, block);
  if (failed(s)) return s;
  shadow::encode_checkpoint(cp, block);
  *checkpoint = meta_blocks_[0];
  return sys_.disk_write(*checkpoint, block);
}

Status ShadowManager::publish_root(uint32_t checkpoint) {
  uint8_t page[kPageSize];
  shadow::encode_root(shadow::RootInfo{kEntryShadowManager, checkpoint, generation_ + 1}, page);
  return sys_.write_page(self_, shadow::kShadowRootPage, page);
}

Status ShadowManager::snapshot() {
  if (failed_) return Status::corrupt;
  for (uint64_t b = 0; b < block_count_; ++b)
    if (blocks_[b] == BlockState::retiring) blocks_[b] = BlockState::free;
  Status s = Status::ok;
  for (const auto& c : containers_)
    if (c.live && !failed(s)) s = save_dirty_pages(c);
  uint32_t checkpoint = 0;
  if (!failed(s)) s = write_metadata(&checkpoint);
  // The data, map, bitmap and checkpoint blocks must be durable before the
  // root page names them: the kernel may make the root copy durable first.
  if (!failed(s) && (bugs_ & kShadowBugSkipFlush) == 0) {
    const Status flushed = sys_.disk_flush();
    if ((bugs_ & kShadowBugIgnoreFlushError) == 0) s = flushed;  // the seeded bug drops a failed flush's status
  }
  if (!failed(s)) s = publish_root(checkpoint);
  if (failed(s)) {
    failed_ = true;
    return s;
  }
  ++generation_;
  for (uint64_t b = 0; b < block_count_; ++b)
    if (blocks_[b] == BlockState::fresh) blocks_[b] = BlockState::committed;
  return Status::ok;
}

}  // namespace sc

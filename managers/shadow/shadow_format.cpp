// shadow_format.cpp — encoders and validating decoders for shadow_format.h.
// Decoders trust nothing: magic, checksum, counts and block numbers are all
// checked, and any violation is Status::corrupt.
#include "shadow_format.h"

#include "kernel/core/bytes.h"
#include "kernel/core/checksum.h"
#include "kernel/core/root_store.h"

namespace sc::shadow {

namespace {

constexpr uint64_t kRootMagic = 0x544f4f524d535343ULL;  // "CSSMROOT"
constexpr uint64_t kCheckpointMagic = 0x54504b434d535343ULL;
constexpr uint64_t kMapMagic = 0x3150414d4d535343ULL;
constexpr uint64_t kBitmapMagic = 0x50414d424d535343ULL;
constexpr uint32_t kBitmapHeaderBytes = 16;

bool sealed(const uint8_t* block, uint64_t magic) {
  return load_u64(block) == magic &&
         load_u64(block + kBlockChecksumOffset) == checksum64(block, kBlockChecksumOffset);
}

}  // namespace

void seal_block(uint8_t* block) {
  store_u64(block + kBlockChecksumOffset, checksum64(block, kBlockChecksumOffset));
}

void encode_root(const RootInfo& info, uint8_t* page) {
  fill_bytes(page, 0, kPageSize);
  store_u64(page, kRootMagic);
  store_u32(page + kRootPageEntryOffset, info.entry);
  store_u64(page + 16, info.checkpoint);
  store_u64(page + 24, info.generation);
}

Status decode_root(const uint8_t* page, RootInfo* info) {
  if (load_u64(page) != kRootMagic) return Status::corrupt;
  *info = RootInfo{load_u32(page + kRootPageEntryOffset), load_u64(page + 16), load_u64(page + 24)};
  return Status::ok;
}

uint64_t block_seal(const uint8_t* block) { return load_u64(block + kBlockChecksumOffset); }


void encode_checkpoint(const Checkpoint& cp, uint8_t* block) {
  fill_bytes(block, 0, kPageSize);
  store_u64(block, kCheckpointMagic);
  store_u64(block + 8, cp.generation);
  store_u32(block + 16, cp.container_count);
  store_u32(block + 20, cp.map_block_count);
  store_u32(block + 24, cp.bitmap_block);
  uint8_t* p = block + 32;
  for (uint32_t i = 0; i < cp.container_count; ++i, p += 2) {
    p[0] = static_cast<uint8_t>(cp.containers[i]);
    p[1] = static_cast<uint8_t>(cp.containers[i] >> 8);
  }
  for (uint32_t i = 0; i < cp.map_block_count; ++i, p += 4) store_u32(p, cp.map_blocks[i]);
  for (uint32_t i = 0; i < cp.map_block_count; ++i, p += 8) store_u64(p, cp.map_seals[i]);
  store_u64(p, cp.bitmap_seal);
  seal_block(block);
}

Status decode_checkpoint(const uint8_t* block, uint64_t partition_blocks, Checkpoint* cp) {
  if (!sealed(block, kCheckpointMagic)) return Status::corrupt;
  cp->generation = load_u64(block + 8);
  cp->container_count = load_u32(block + 16);
  cp->map_block_count = load_u32(block + 20);
  cp->bitmap_block = load_u32(block + 24);
  if (cp->container_count > kMaxContainers || cp->map_block_count > kMaxMapBlocks) return Status::corrupt;
  if (cp->bitmap_block >= partition_blocks) return Status::corrupt;
  const uint8_t* p = block + 32;
  for (uint32_t i = 0; i < cp->container_count; ++i, p += 2) {
    cp->containers[i] = static_cast<uint16_t>(p[0] | (p[1] << 8));
    if (cp->containers[i] >= kMaxContainers) return Status::corrupt;
  }
  for (uint32_t i = 0; i < cp->map_block_count; ++i, p += 4) {
    cp->map_blocks[i] = load_u32(p);
    if (cp->map_blocks[i] >= partition_blocks) return Status::corrupt;
  }
  for (uint32_t i = 0; i < cp->map_block_count; ++i, p += 8) cp->map_seals[i] = load_u64(p);
  cp->bitmap_seal = load_u64(p);
  return Status::ok;
}

void encode_map_block(const MapEntry* entries, uint32_t count, uint8_t* block) {
  fill_bytes(block, 0, kPageSize);
  store_u64(block, kMapMagic);
  store_u32(block + 8, count);
  for (uint32_t i = 0; i < count; ++i) {
    uint8_t* e = block + 16 + i * kMapEntryBytes;
    e[0] = static_cast<uint8_t>(entries[i].container);
    e[1] = static_cast<uint8_t>(entries[i].container >> 8);
    store_u32(e + 4, entries[i].page);
    store_u32(e + 8, entries[i].block);
    store_u64(e + 16, entries[i].checksum);
  }
  seal_block(block);
}

Status decode_map_block(const uint8_t* block, uint64_t partition_blocks, MapEntry* entries,
                        uint32_t capacity, uint32_t* count) {
  if (!sealed(block, kMapMagic)) return Status::corrupt;
  *count = load_u32(block + 8);
  if (*count > kEntriesPerMapBlock || *count > capacity) return Status::corrupt;
  for (uint32_t i = 0; i < *count; ++i) {
    const uint8_t* e = block + 16 + i * kMapEntryBytes;
    entries[i] = MapEntry{static_cast<uint16_t>(e[0] | (e[1] << 8)), load_u32(e + 4), load_u32(e + 8),
                          load_u64(e + 16)};
    if (entries[i].container >= kMaxContainers || entries[i].page >= kMaxPageNumber ||
        entries[i].block >= partition_blocks)
      return Status::corrupt;
  }
  return Status::ok;
}

void encode_bitmap(const uint8_t* allocated, uint64_t blocks, uint8_t* block) {
  fill_bytes(block, 0, kPageSize);
  store_u64(block, kBitmapMagic);
  store_u64(block + 8, blocks);
  for (uint64_t b = 0; b < blocks; ++b)
    if (allocated[b]) block[kBitmapHeaderBytes + b / 8] |= static_cast<uint8_t>(1u << (b % 8));
  seal_block(block);
}

Status decode_bitmap(const uint8_t* block, uint64_t blocks, uint8_t* allocated) {
  if (!sealed(block, kBitmapMagic) || load_u64(block + 8) != blocks) return Status::corrupt;
  for (uint64_t b = 0; b < blocks; ++b)
    allocated[b] = static_cast<uint8_t>((static_cast<unsigned>(block[kBitmapHeaderBytes + b / 8]) >> (b % 8)) & 1u);
  return Status::ok;
}

}  // namespace sc::shadow

// shadow_format.h — the on-disk format of the shadow-paging self-managing
// manager, shared by the manager and by the checker's fsck.
//
// Root page (page kShadowRootPage of the manager's own container, kept stable
// by the kernel): magic, entry id (at the kernel's kRootPageEntryOffset),
// the block number of the current checkpoint, and its generation.
//
// Checkpoint block: magic, generation, the ids of every container the manager
// manages, the block numbers of the map blocks and of the bitmap block, the
// seal (closing checksum) of each of those blocks as written, and a checksum.
// Recovery loads a checkpoint only if its generation is the root page's and
// each map and bitmap block still carries the seal the checkpoint recorded:
// where a storage fault kept an older block there (a lost, misdirected or
// lied-about write), the block is valid by its own checksum but not part of
// this checkpoint, and recovery refuses (Status::corrupt) instead of mixing
// states. Map blocks hold (container, page, block, checksum of the block's
// data) entries. The bitmap block marks every block reachable from its
// checkpoint (data, map, bitmap and checkpoint blocks) as allocated.
// Every block ends with a checksum of the bytes before it; data blocks are
// checked against the checksum in their map entry.
//
// Shadow paging: a stabilisation never writes a block the previous
// checkpoint can reach. The new state becomes reachable only through the
// root page, and the root page becomes stable only through the kernel's
// root copy and cut record (root_store.h, invariant R3).
#pragma once
#include <stdint.h>

#include "kernel/core/limits.h"
#include "kernel/core/status.h"

namespace sc::shadow {

constexpr uint32_t kShadowRootPage = 0;
constexpr uint64_t kNoBlock = ~0ULL;
constexpr uint32_t kMaxMapEntries = 1024;
constexpr uint32_t kEntriesPerMapBlock = 169;
constexpr uint32_t kMapEntryBytes = 24;  // container, page, data block, data checksum
constexpr uint32_t kMaxMapBlocks = (kMaxMapEntries + kEntriesPerMapBlock - 1) / kEntriesPerMapBlock;
constexpr uint32_t kMaxPartitionBlocks = 4096;
constexpr uint32_t kBlockChecksumOffset = kPageSize - 8;

struct RootInfo {
  uint32_t entry;
  uint64_t checkpoint;  // kNoBlock before the first stabilisation
  uint64_t generation;
};

struct MapEntry {
  uint16_t container;
  uint32_t page;
  uint32_t block;
  uint64_t checksum;
};

struct Checkpoint {
  uint64_t generation;
  uint32_t container_count;
  uint16_t containers[kMaxContainers];
  uint32_t map_block_count;
  uint32_t map_blocks[kMaxMapBlocks];
  uint32_t bitmap_block;
  uint64_t map_seals[kMaxMapBlocks];
  uint64_t bitmap_seal;
};

// The closing checksum of an encoded block (what ties it to its checkpoint).
uint64_t block_seal(const uint8_t* block);

void encode_root(const RootInfo& info, uint8_t* page);
Status decode_root(const uint8_t* page, RootInfo* info);

void encode_checkpoint(const Checkpoint& cp, uint8_t* block);
Status decode_checkpoint(const uint8_t* block, uint64_t partition_blocks, Checkpoint* cp);

// Encodes entries [first, first + count) into one map block.
void encode_map_block(const MapEntry* entries, uint32_t count, uint8_t* block);
Status decode_map_block(const uint8_t* block, uint64_t partition_blocks, MapEntry* entries,
                        uint32_t capacity, uint32_t* count);

// seal_block() recomputes the checksum of a checkpoint, map or bitmap block
// in place (the encoders end with it; shadow_reseal.h for tools).
void seal_block(uint8_t* block);

void encode_bitmap(const uint8_t* allocated, uint64_t blocks, uint8_t* block);
Status decode_bitmap(const uint8_t* block, uint64_t blocks, uint8_t* allocated);

}  // namespace sc::shadow

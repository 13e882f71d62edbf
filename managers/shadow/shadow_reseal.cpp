// shadow_reseal.cpp — see shadow_reseal.h.
#include "managers/shadow/shadow_reseal.h"

#include "kernel/core/bytes.h"
#include "kernel/core/checksum.h"
#include "managers/shadow/shadow_format.h"

namespace sc::shadow {

void reseal_map_entries(uint8_t* block, const uint8_t* partition, uint64_t partition_blocks) {
  const uint32_t count = load_u32(block + 8) < kEntriesPerMapBlock ? load_u32(block + 8) : kEntriesPerMapBlock;
  for (uint32_t i = 0; i < count; ++i) {
    uint8_t* e = block + 16 + i * kMapEntryBytes;
    const uint32_t data_block = load_u32(e + 8);
    if (data_block < partition_blocks) store_u64(e + 16, checksum64(partition + uint64_t{data_block} * kPageSize, kPageSize));
  }
  seal_block(block);
}

void reseal_checkpoint(uint8_t* block, const uint8_t* partition, uint64_t partition_blocks) {
  const uint32_t containers = load_u32(block + 16);
  const uint32_t maps = load_u32(block + 20);
  if (containers <= kMaxContainers && maps <= kMaxMapBlocks) {
    const uint8_t* numbers = block + 32 + 2 * containers;
    uint8_t* seals = block + 32 + 2 * containers + 4 * maps;
    for (uint32_t i = 0; i <= maps; ++i) {
      const uint32_t b = i < maps ? load_u32(numbers + 4 * i) : load_u32(block + 24);
      if (b < partition_blocks) store_u64(seals + 8 * i, block_seal(partition + uint64_t{b} * kPageSize));
    }
  }
  seal_block(block);
}

}  // namespace sc::shadow

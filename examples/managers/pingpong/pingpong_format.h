// pingpong_format.h — the on-disk format of the pingpong example manager,
// shared by the manager (pingpong_manager.cpp) and its format checker
// (pingpong_check.cpp). The design is explained in pingpong_manager.h.
//
// Partition: two halves of half_blocks = partition_blocks / 2 blocks each;
// half h starts at block h * half_blocks.
//   block 0 of a half        the table: magic, generation, the containers the
//                            manager manages, entries (container, page,
//                            checksum of the page's data), a block checksum
//   block 1 + i of a half    the data of table entry i
// Root page (page kPingpongRootPage of the manager's own container): magic,
// entry id at kRootPageEntryOffset, the half it names (kNoHalf before the
// first stabilisation) and the generation of that half's table.
// Invariant: the half the stable root page names is complete and durable;
// a stabilisation writes only the other half.
#pragma once
#include <stdint.h>

#include "kernel/core/limits.h"
#include "kernel/core/status.h"

namespace sc::pingpong {

constexpr uint32_t kEntryPingpong = 0x474e4950;  // "PING": the invocation point
constexpr uint32_t kPingpongRootPage = 0;
constexpr uint32_t kNoHalf = 0xffffffff;
constexpr uint32_t kMaxEntries = 240;  // pages one table block can list

struct Root {
  uint32_t entry;
  uint32_t half;
  uint64_t generation;
};

struct Entry {
  uint16_t container;
  uint32_t page;
  uint64_t checksum;
};

struct Table {
  uint64_t generation;
  uint32_t container_count;
  uint16_t containers[kMaxContainers];
  uint32_t entry_count;
  Entry entries[kMaxEntries];
};

// Pages a half can hold: one block per entry after the table block.
uint32_t capacity(uint64_t half_blocks);

void encode_root(const Root& root, uint8_t* page);
Status decode_root(const uint8_t* page, Root* root);

void encode_table(const Table& table, uint8_t* block);
// Status::corrupt unless magic and checksum hold and every count fits
// `half_blocks`.
Status decode_table(const uint8_t* block, uint64_t half_blocks, Table* table);

}  // namespace sc::pingpong

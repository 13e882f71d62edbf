// pingpong_format.cpp — encoders and validating decoders of
// pingpong_format.h. Decoders trust nothing read from disk.
#include "pingpong_format.h"

#include "kernel/core/bytes.h"
#include "kernel/core/checksum.h"
#include "kernel/core/root_store.h"

namespace sc::pingpong {

namespace {

constexpr uint64_t kRootMagic = 0x544f4f5247504350ULL;   // "PCPGROOT"
constexpr uint64_t kTableMagic = 0x4c42415447504350ULL;  // "PCPGTABL"
constexpr uint32_t kContainersOffset = 24;
constexpr uint32_t kEntriesOffset = kContainersOffset + 2 * kMaxContainers;
constexpr uint32_t kEntryBytes = 16;
constexpr uint32_t kChecksumOffset = kPageSize - 8;
static_assert(kEntriesOffset + kMaxEntries * kEntryBytes <= kChecksumOffset, "a table fits one block");

void store_u16(uint8_t* p, uint16_t v) {
  p[0] = static_cast<uint8_t>(v);
  p[1] = static_cast<uint8_t>(v >> 8);
}
uint16_t load_u16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }

}  // namespace

uint32_t capacity(uint64_t half_blocks) {
  if (half_blocks < 2) return 0;
  return half_blocks - 1 < kMaxEntries ? static_cast<uint32_t>(half_blocks - 1) : kMaxEntries;
}

void encode_root(const Root& root, uint8_t* page) {
  fill_bytes(page, 0, kPageSize);
  store_u64(page, kRootMagic);
  store_u32(page + kRootPageEntryOffset, root.entry);
  store_u32(page + 12, root.half);
  store_u64(page + 16, root.generation);
}

Status decode_root(const uint8_t* page, Root* root) {
  if (load_u64(page) != kRootMagic) return Status::corrupt;
  *root = Root{load_u32(page + kRootPageEntryOffset), load_u32(page + 12), load_u64(page + 16)};
  return root->half == 0 || root->half == 1 || root->half == kNoHalf ? Status::ok : Status::corrupt;
}

void encode_table(const Table& table, uint8_t* block) {
  fill_bytes(block, 0, kPageSize);
  store_u64(block, kTableMagic);
  store_u64(block + 8, table.generation);
  store_u32(block + 16, table.container_count);
  store_u32(block + 20, table.entry_count);
  for (uint32_t i = 0; i < table.container_count; ++i) store_u16(block + kContainersOffset + 2 * i, table.containers[i]);
  for (uint32_t i = 0; i < table.entry_count; ++i) {
    uint8_t* e = block + kEntriesOffset + i * kEntryBytes;
    store_u16(e, table.entries[i].container);
    store_u32(e + 4, table.entries[i].page);
    store_u64(e + 8, table.entries[i].checksum);
  }
  store_u64(block + kChecksumOffset, checksum64(block, kChecksumOffset));
}

Status decode_table(const uint8_t* block, uint64_t half_blocks, Table* table) {
  if (load_u64(block) != kTableMagic || load_u64(block + kChecksumOffset) != checksum64(block, kChecksumOffset))
    return Status::corrupt;
  table->generation = load_u64(block + 8);
  table->container_count = load_u32(block + 16);
  table->entry_count = load_u32(block + 20);
  if (table->container_count > kMaxContainers || table->entry_count > capacity(half_blocks)) return Status::corrupt;
  for (uint32_t i = 0; i < table->container_count; ++i) {
    table->containers[i] = load_u16(block + kContainersOffset + 2 * i);
    if (table->containers[i] >= kMaxContainers) return Status::corrupt;
  }
  for (uint32_t i = 0; i < table->entry_count; ++i) {
    const uint8_t* e = block + kEntriesOffset + i * kEntryBytes;
    table->entries[i] = Entry{load_u16(e), load_u32(e + 4), load_u64(e + 8)};
    if (table->entries[i].container >= kMaxContainers || table->entries[i].page >= kMaxPageNumber)
      return Status::corrupt;
  }
  return Status::ok;
}

}  // namespace sc::pingpong

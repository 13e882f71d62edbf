// journal_format.cpp — geometry, encoders and validating decoders for
// journal_format.h. Decoders trust nothing: magic, checksum, counts, block
// numbers and the transaction identity are all checked.
#include "managers/journal/journal_format.h"

#include "kernel/core/bytes.h"
#include "kernel/core/checksum.h"
#include "kernel/core/root_store.h"

namespace sc::journal {

namespace {

constexpr uint64_t kRootMagic = 0x544f4f524c4e524aULL;    // "JRNLROOT"
constexpr uint64_t kSuperMagic = 0x5245505553524e4aULL;   // "JNRSUPER"
constexpr uint64_t kHeaderMagic = 0x524448544c4e524aULL;  // "JRNLTHDR"
constexpr uint64_t kCommitMagic = 0x54494d434c4e524aULL;  // "JRNLCMIT"
constexpr uint64_t kCatalogMagic = 0x474c54434c4e524aULL; // "JRNLCTLG"
constexpr uint64_t kDirMagic = 0x5249445f4c4e524aULL;     // "JRNL_DIR"
constexpr uint32_t kRootChecksumOffset = 48;
constexpr uint32_t kHeaderRecordsOffset = 32;
constexpr uint32_t kHeaderRecordBytes = 16;
constexpr uint32_t kDirEntriesOffset = 16;
constexpr uint32_t kCatalogSealsOffset = 40 + 2 * kMaxContainers;
constexpr uint32_t kDirEntryBytes = 24;

static_assert(kHeaderRecordsOffset + kMaxRecords * kHeaderRecordBytes <= kBlockChecksumOffset);
static_assert(kDirEntriesOffset + kEntriesPerDirBlock * kDirEntryBytes <= kBlockChecksumOffset);
static_assert(40 + kMaxContainers * 2 <= kBlockChecksumOffset);

void seal(uint8_t* block) { store_u64(block + kBlockChecksumOffset, checksum64(block, kBlockChecksumOffset)); }

bool sealed(const uint8_t* block, uint64_t magic) {
  return load_u64(block) == magic &&
         load_u64(block + kBlockChecksumOffset) == checksum64(block, kBlockChecksumOffset);
}

uint16_t load_u16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }
void store_u16(uint8_t* p, uint16_t v) {
  p[0] = static_cast<uint8_t>(v);
  p[1] = static_cast<uint8_t>(v >> 8);
}

}  // namespace

Status make_geometry(uint64_t blocks, Geometry* g) {
  if (blocks < kMinPartitionBlocks) return Status::no_space;
  g->blocks = blocks;
  g->log_blocks = (blocks - 1) / 2;
  g->catalog = 1 + g->log_blocks;
  g->dir_start = g->catalog + 1;
  const uint64_t rest = blocks - g->dir_start;
  const uint64_t wanted = rest < kMaxEntries ? rest : kMaxEntries;
  g->dir_blocks = static_cast<uint32_t>((wanted + kEntriesPerDirBlock) / (kEntriesPerDirBlock + 1));
  g->data_start = g->dir_start + g->dir_blocks;
  const uint64_t slots = blocks - g->data_start;
  const uint64_t listed = uint64_t{g->dir_blocks} * kEntriesPerDirBlock;
  const uint64_t usable = slots < listed ? slots : listed;
  g->slots = static_cast<uint32_t>(usable < kMaxEntries ? usable : kMaxEntries);
  return g->slots == 0 ? Status::no_space : Status::ok;
}

uint64_t block_sum(const uint8_t* block) { return checksum64(block, kPageSize); }

uint64_t block_seal(const uint8_t* block) { return load_u64(block + kBlockChecksumOffset); }

void encode_root(const RootInfo& info, uint8_t* page) {
  fill_bytes(page, 0, kPageSize);
  store_u64(page, kRootMagic);
  store_u32(page + kRootPageEntryOffset, info.entry);
  store_u64(page + 16, info.txn.seq);
  store_u64(page + 24, info.txn.lsn);
  store_u32(page + 32, info.txn.count);
  store_u64(page + kRootChecksumOffset, checksum64(page, kRootChecksumOffset));
}

Status decode_root(const uint8_t* page, RootInfo* info) {
  if (load_u64(page) != kRootMagic ||
      load_u64(page + kRootChecksumOffset) != checksum64(page, kRootChecksumOffset))
    return Status::corrupt;
  *info = RootInfo{load_u32(page + kRootPageEntryOffset),
                   TxnRef{load_u64(page + 16), load_u64(page + 24), load_u32(page + 32)}};
  return info->txn.count > kMaxRecords ? Status::corrupt : Status::ok;
}

void encode_superblock(const Superblock& sb, uint8_t* block) {
  fill_bytes(block, 0, kPageSize);
  store_u64(block, kSuperMagic);
  store_u64(block + 8, sb.applied_seq);
  store_u64(block + 16, sb.applied_lsn);
  seal(block);
}

Status decode_superblock(const uint8_t* block, Superblock* sb) {
  if (!sealed(block, kSuperMagic)) return Status::corrupt;
  *sb = Superblock{load_u64(block + 8), load_u64(block + 16)};
  return Status::ok;
}

void encode_header(const TxnHeader& h, uint8_t* block) {
  fill_bytes(block, 0, kPageSize);
  store_u64(block, kHeaderMagic);
  store_u64(block + 8, h.seq);
  store_u64(block + 16, h.lsn);
  store_u32(block + 24, h.count);
  for (uint32_t i = 0; i < h.count; ++i) {
    uint8_t* r = block + kHeaderRecordsOffset + i * kHeaderRecordBytes;
    store_u32(r, h.targets[i]);
    store_u64(r + 8, h.sums[i]);
  }
  seal(block);
}

Status decode_header(const uint8_t* block, const TxnRef& expect, const Geometry& g, TxnHeader* h) {
  if (!sealed(block, kHeaderMagic)) return Status::corrupt;
  h->seq = load_u64(block + 8);
  h->lsn = load_u64(block + 16);
  h->count = load_u32(block + 24);
  if (h->seq != expect.seq || h->lsn != expect.lsn || h->count != expect.count) return Status::corrupt;
  for (uint32_t i = 0; i < h->count; ++i) {
    const uint8_t* r = block + kHeaderRecordsOffset + i * kHeaderRecordBytes;
    h->targets[i] = load_u32(r);
    h->sums[i] = load_u64(r + 8);
    if (h->targets[i] < g.catalog || h->targets[i] >= g.blocks) return Status::corrupt;
  }
  return Status::ok;
}

void encode_commit(const TxnRef& txn, uint64_t header_sum, uint8_t* block) {
  fill_bytes(block, 0, kPageSize);
  store_u64(block, kCommitMagic);
  store_u64(block + 8, txn.seq);
  store_u64(block + 16, txn.lsn);
  store_u32(block + 24, txn.count);
  store_u64(block + 32, header_sum);
  seal(block);
}

Status check_commit(const uint8_t* block, const TxnRef& txn, uint64_t header_sum) {
  const bool ok = sealed(block, kCommitMagic) && load_u64(block + 8) == txn.seq &&
                  load_u64(block + 16) == txn.lsn && load_u32(block + 24) == txn.count &&
                  load_u64(block + 32) == header_sum;
  return ok ? Status::ok : Status::corrupt;
}

void encode_catalog(const Catalog& c, uint8_t* block) {
  fill_bytes(block, 0, kPageSize);
  store_u64(block, kCatalogMagic);
  store_u64(block + 8, c.seq);
  store_u32(block + 16, c.container_count);
  store_u32(block + 20, c.entry_count);
  for (uint32_t i = 0; i < c.container_count; ++i) store_u16(block + 40 + 2 * i, c.containers[i]);
  for (uint32_t d = 0; d < kMaxDirBlocks; ++d) store_u64(block + kCatalogSealsOffset + 8 * d, c.dir_seals[d]);
  seal(block);
}

Status decode_catalog(const uint8_t* block, const Geometry& g, Catalog* c) {
  if (!sealed(block, kCatalogMagic)) return Status::corrupt;
  c->seq = load_u64(block + 8);
  c->container_count = load_u32(block + 16);
  c->entry_count = load_u32(block + 20);
  if (c->container_count > kMaxContainers || c->entry_count > g.slots) return Status::corrupt;
  for (uint32_t i = 0; i < c->container_count; ++i) {
    c->containers[i] = load_u16(block + 40 + 2 * i);
    if (c->containers[i] >= kMaxContainers) return Status::corrupt;
  }
  for (uint32_t d = 0; d < kMaxDirBlocks; ++d) c->dir_seals[d] = load_u64(block + kCatalogSealsOffset + 8 * d);
  return Status::ok;
}

void encode_dir_block(uint32_t index, const DirEntry* entries, uint32_t count, uint8_t* block) {
  fill_bytes(block, 0, kPageSize);
  store_u64(block, kDirMagic);
  store_u32(block + 8, index);
  store_u32(block + 12, count);
  for (uint32_t i = 0; i < count; ++i) {
    uint8_t* e = block + kDirEntriesOffset + i * kDirEntryBytes;
    store_u16(e, entries[i].container);
    store_u32(e + 4, entries[i].page);
    store_u32(e + 8, entries[i].slot);
    store_u64(e + 16, entries[i].checksum);
  }
  seal(block);
}

Status decode_dir_block(const uint8_t* block, uint32_t index, const Geometry& g, DirEntry* entries,
                        uint32_t capacity, uint32_t* count) {
  if (!sealed(block, kDirMagic) || load_u32(block + 8) != index) return Status::corrupt;
  *count = load_u32(block + 12);
  if (*count > kEntriesPerDirBlock || *count > capacity) return Status::corrupt;
  for (uint32_t i = 0; i < *count; ++i) {
    const uint8_t* e = block + kDirEntriesOffset + i * kDirEntryBytes;
    entries[i] = DirEntry{load_u16(e), load_u32(e + 4), load_u32(e + 8), load_u64(e + 16)};
    if (entries[i].container >= kMaxContainers || entries[i].page >= kMaxPageNumber || entries[i].slot >= g.slots)
      return Status::corrupt;
  }
  return Status::ok;
}

}  // namespace sc::journal

// journal_format.h — the on-disk format of the journal self-managing
// manager (write-ahead redo log + home blocks updated in place), shared by
// the manager and by its format checker.
//
// Partition (4 KiB blocks numbered within the partition, P of them):
//   block 0              superblock: applied_seq, applied_lsn — recovery's
//                        marker "the home blocks hold transaction applied_seq"
//   blocks 1 .. L        circular redo log, L = (P - 1) / 2; log position
//                        (LSN, u64, grows forever) n lives in block 1 + n % L
//   block 1 + L          catalog: seq of the transaction that wrote it, the
//                        containers managed, the directory entry count, and
//                        the seal (closing checksum) of each directory block
//                        as that transaction left it
//   next D blocks        directory: entries (container, page, home slot,
//                        checksum of the page data), kEntriesPerDirBlock each
//   the rest             data slots: home slot i is one block, updated in place
//
// Transaction seq s at LSN n with c records occupies log positions
// n .. n + c + 1: a header (seq, lsn, count, and per record its home target
// block and the checksum of its 4 KiB image), c redo records (each the full
// new image of one home block: data slots, changed directory blocks, and
// always the catalog), then a commit block (seq, lsn, count, header
// checksum). Replaying a transaction writes every record to its target;
// doing it twice gives the same blocks (idempotent).
//
// Root page (page kJournalRootPage of the manager's container, kept stable
// by the kernel: its cut record is THE commit point, root_store.h R3):
// magic, entry id at kRootPageEntryOffset, and (seq, lsn, count) of the one
// transaction holding the stable state (seq 0: none yet), checksummed.
//
// Invariants:
//  J1. A transaction is durable (flushed) before a root page names it.
//  J2. Transaction s+1 is appended right after s; it overwrites s's log
//      records only once the superblock durably marks s applied (the
//      snapshot applies s, flushes, marks it, flushes, then logs s+1), so
//      a transaction may use the whole log.
//  J3. The home blocks change only by replaying a transaction the kernel has
//      made stable: transaction s is applied by the snapshot that writes s+1,
//      or by recovery when the root names s.
//  J4. With a root naming s, every transaction before s is durable in the
//      home blocks; blocks s rewrites may hold anything until it is replayed.
//  J5. The superblock says applied_seq = s only after s's home writes are
//      durable (a flush lies between them).
//  J6. Recovery loads a directory block only if it carries the seal the
//      catalog recorded for it: a storage fault (a lied-about commit after
//      which the next transaction was applied, a lost or misdirected write)
//      can leave a directory block of another transaction there, valid by
//      its own checksum; recovery refuses (Status::corrupt) rather than mix
//      two stable states.
// Every block ends with a checksum of the bytes before it; decoders check
// magic, checksum, counts and ranges, and any violation is Status::corrupt.
#pragma once
#include <stdint.h>

#include "kernel/core/limits.h"
#include "kernel/core/status.h"

namespace sc::journal {

constexpr uint32_t kEntryJournal = 0x4c4e524a;  // "JRNL"
constexpr uint32_t kJournalRootPage = 0;
constexpr uint32_t kBlockChecksumOffset = kPageSize - 8;
constexpr uint32_t kMaxEntries = 1024;
constexpr uint32_t kEntriesPerDirBlock = 169;
constexpr uint32_t kMaxDirBlocks = (kMaxEntries + kEntriesPerDirBlock - 1) / kEntriesPerDirBlock;
constexpr uint32_t kMaxRecords = 253;  // redo records one header can describe
constexpr uint64_t kMinPartitionBlocks = 8;

// Where everything lives in a partition of `blocks` blocks.
struct Geometry {
  uint64_t blocks;
  uint64_t log_blocks;  // L
  uint64_t catalog;
  uint64_t dir_start;
  uint32_t dir_blocks;  // D
  uint64_t data_start;
  uint32_t slots;       // data slots usable (at most kMaxEntries)

  uint64_t log_block(uint64_t lsn) const { return 1 + lsn % log_blocks; }
  uint64_t slot_block(uint32_t slot) const { return data_start + slot; }
};

// Status::no_space if the partition is too small to hold the format.
Status make_geometry(uint64_t blocks, Geometry* g);

// The transaction a root page names; seq 0 = none.
struct TxnRef {
  uint64_t seq;
  uint64_t lsn;
  uint32_t count;  // redo records

  uint64_t end() const { return lsn + count + 2; }  // first LSN after its commit block
};

struct RootInfo {
  uint32_t entry;
  TxnRef txn;
};

struct Superblock {
  uint64_t applied_seq;
  uint64_t applied_lsn;
};

struct TxnHeader {
  uint64_t seq;
  uint64_t lsn;
  uint32_t count;
  uint32_t targets[kMaxRecords];  // home block of each record
  uint64_t sums[kMaxRecords];     // checksum64 of each record's 4 KiB image
};

struct DirEntry {
  uint16_t container;
  uint32_t page;
  uint32_t slot;
  uint64_t checksum;  // of the page data in the slot
};

struct Catalog {
  uint64_t seq;
  uint32_t container_count;
  uint16_t containers[kMaxContainers];
  uint32_t entry_count;
  uint64_t dir_seals[kMaxDirBlocks];  // of the directory blocks the entry count uses
};

// The closing checksum of an encoded home block (what ties it to a catalog).
uint64_t block_seal(const uint8_t* block);

void encode_root(const RootInfo& info, uint8_t* page);
Status decode_root(const uint8_t* page, RootInfo* info);

void encode_superblock(const Superblock& sb, uint8_t* block);
Status decode_superblock(const uint8_t* block, Superblock* sb);

void encode_header(const TxnHeader& h, uint8_t* block);
// Checks the header against the transaction `expect` names and the geometry.
Status decode_header(const uint8_t* block, const TxnRef& expect, const Geometry& g, TxnHeader* h);

void encode_commit(const TxnRef& txn, uint64_t header_sum, uint8_t* block);
Status check_commit(const uint8_t* block, const TxnRef& txn, uint64_t header_sum);

void encode_catalog(const Catalog& c, uint8_t* block);
Status decode_catalog(const uint8_t* block, const Geometry& g, Catalog* c);

// Directory block `index` holds entries [index * kEntriesPerDirBlock, +count).
// decode_dir_block() fills at most `capacity` entries (corrupt if it holds more).
void encode_dir_block(uint32_t index, const DirEntry* entries, uint32_t count, uint8_t* block);
Status decode_dir_block(const uint8_t* block, uint32_t index, const Geometry& g, DirEntry* entries,
                        uint32_t capacity, uint32_t* count);

// The checksum of a whole sealed block, as a commit block records it.
uint64_t block_sum(const uint8_t* block);

}  // namespace sc::journal

// journal_replay.cpp — reading a transaction back from the redo log:
// validate_transaction() checks header, every record's checksum and the
// commit block without writing anything; apply_transaction() writes each
// record to its home block. Applying a valid transaction any number of
// times, or partly and then wholly, leaves the same home blocks (records are
// full block images) — unless the XOR-delta, skip-by-ends or skip-by-sector-heads
// bug is seeded. mark_applied()
// records in the superblock that a transaction's home writes are durable
// (J5: its caller flushed them first), then flushes.
#include "kernel/core/bytes.h"
#include "kernel/core/checksum.h"
#include "managers/journal/journal_bugs.h"
#include "managers/journal/journal_manager.h"

namespace sc {

namespace {

Status read_header(Sys& sys, const journal::Geometry& g, const journal::TxnRef& txn, uint8_t* block,
                   journal::TxnHeader* h) {
  if (txn.count + 2 > g.log_blocks) return Status::corrupt;
  const Status s = sys.disk_read(g.log_block(txn.lsn), block);
  return failed(s) ? s : journal::decode_header(block, txn, g, h);
}

}  // namespace

Status JournalManager::validate_transaction(const journal::TxnRef& txn) {
  uint8_t header_block[kPageSize];
  uint8_t block[kPageSize];
  journal::TxnHeader h;
  Status s = read_header(sys_, geo_, txn, header_block, &h);
  for (uint32_t i = 0; !failed(s) && i < h.count; ++i) {
    s = sys_.disk_read(geo_.log_block(txn.lsn + 1 + i), block);
    if (!failed(s) && journal::block_sum(block) != h.sums[i]) s = Status::corrupt;
  }
  if (!failed(s)) s = sys_.disk_read(geo_.log_block(txn.lsn + 1 + txn.count), block);
  return failed(s) ? s : journal::check_commit(block, txn, journal::block_sum(header_block));
}

Status JournalManager::apply_record(uint64_t lsn, uint32_t target, uint64_t sum) {
  uint8_t image[kPageSize];
  Status s = sys_.disk_read(geo_.log_block(lsn), image);
  if (failed(s)) return s;
  if (journal::block_sum(image) != sum) return Status::corrupt;
  if (bug(journal::kBugSkipByEnds) && home_block_matches_ends(target, image)) return Status::ok;
  if (bug(journal::kBugSkipBySectorHeads) && home_slot_matches_sector_heads(target, image)) return Status::ok;
  if (bug(journal::kBugXorReplay)) s = xor_with_home(target, image);
  return failed(s) ? s : sys_.disk_write(target, image);
}

Status JournalManager::mark_applied(const journal::TxnRef& txn) {
  uint8_t block[kPageSize];
  journal::encode_superblock(journal::Superblock{txn.seq, txn.lsn}, block);
  const Status s = sys_.disk_write(0, block);
  return failed(s) ? s : sys_.disk_flush();
}

Status JournalManager::apply_transaction(const journal::TxnRef& txn) {
  uint8_t header_block[kPageSize];
  journal::TxnHeader h;
  Status s = read_header(sys_, geo_, txn, header_block, &h);
  for (uint32_t i = 0; !failed(s) && i < h.count; ++i) s = apply_record(txn.lsn + 1 + i, h.targets[i], h.sums[i]);
  return s;
}

}  // namespace sc

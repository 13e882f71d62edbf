// journal_snapshot.cpp — container_snapshot of the journal manager:
// (1) apply the published transaction home (the kernel made it stable
// before this upcall), flush, and mark it applied in the superblock (J5),
// which frees its log records: the log is truncated to nothing; (2) append
// the next transaction after it in the log (every dirty page, the changed
// directory blocks and the catalog, as full block images), in at most the
// whole log (J2), (3) flush, (4) point the root page at the new transaction. The kernel's cut record that
// follows is the commit point; until then recovery still replays the
// published one.
#include "kernel/core/bytes.h"
#include "kernel/core/checksum.h"
#include "managers/journal/journal_bugs.h"
#include "managers/journal/journal_manager.h"

namespace sc {

// Home slots are handed out in entry order and never freed: entry i owns
// slot i, so no two entries share a slot.
Status JournalManager::find_or_add_entry(ContainerId id, uint32_t page, uint32_t* index) {
  const int found = find_entry(id, page);
  if (found >= 0) {
    *index = static_cast<uint32_t>(found);
    return Status::ok;
  }
  if (entry_count_ >= geo_.slots) return Status::no_space;
  *index = entry_count_;
  entries_[entry_count_] = journal::DirEntry{static_cast<uint16_t>(id), page, entry_count_, 0};
  ++entry_count_;
  return Status::ok;
}

Status JournalManager::log_record(uint32_t target, const uint8_t* image, TxnBuilder* b) {
  journal::TxnHeader& h = b->header;
  const uint64_t lsn = h.lsn + 1 + h.count;
  if (h.count == journal::kMaxRecords || lsn + 1 >= b->limit) return Status::no_space;  // room for the commit
  uint8_t record[kPageSize];
  copy_bytes(record, image, kPageSize);
  if (bug(journal::kBugXorReplay)) {
    const Status s = xor_with_home(target, record);
    if (failed(s)) return s;
  }
  h.targets[h.count] = target;
  h.sums[h.count] = journal::block_sum(record);
  ++h.count;
  return sys_.disk_write(geo_.log_block(lsn), record);
}

Status JournalManager::log_page(const ManagedContainer& c, uint32_t page, TxnBuilder* b) {
  uint8_t data[kPageSize];
  uint32_t i = 0;
  Status s = sys_.read_page(c.cap, page, data);
  if (!failed(s)) s = find_or_add_entry(c.id, page, &i);
  if (failed(s)) return s;
  entries_[i].checksum = checksum64(data, kPageSize);
  dirty_dir_blocks_ |= 1u << (i / journal::kEntriesPerDirBlock);
  s = log_record(static_cast<uint32_t>(geo_.slot_block(entries_[i].slot)), data, b);
  if (failed(s)) return s;
  sys_.yield();
  return sys_.clean_page(c.cap, page);
}

Status JournalManager::log_dirty_pages(const ManagedContainer& c, TxnBuilder* b) {
  uint32_t dirty[kMaxFrames];
  uint32_t count = 0;
  Status s = sys_.dirty_pages(c.cap, dirty, &count);
  for (uint32_t i = 0; i < count && !failed(s); ++i) s = log_page(c, dirty[i], b);
  return s;
}

Status JournalManager::log_metadata(TxnBuilder* b) {
  uint8_t block[kPageSize];
  Status s = Status::ok;
  for (uint32_t d = 0; d < geo_.dir_blocks && !failed(s); ++d) {
    if ((dirty_dir_blocks_ & (1u << d)) == 0) continue;
    const uint32_t first = d * journal::kEntriesPerDirBlock;
    const uint32_t left = entry_count_ - first;
    journal::encode_dir_block(d, entries_ + first, left < journal::kEntriesPerDirBlock ? left : journal::kEntriesPerDirBlock,
                              block);
    dir_seals_[d] = journal::block_seal(block);
    s = log_record(static_cast<uint32_t>(geo_.dir_start + d), block, b);
  }
  if (failed(s)) return s;
  journal::Catalog catalog{};
  catalog.seq = b->header.seq;
  catalog.entry_count = entry_count_;
  for (uint32_t d = 0; d < journal::kMaxDirBlocks; ++d) catalog.dir_seals[d] = dir_seals_[d];
  for (const auto& c : containers_)
    if (c.live) catalog.containers[catalog.container_count++] = static_cast<uint16_t>(c.id);
  journal::encode_catalog(catalog, block);
  return log_record(static_cast<uint32_t>(geo_.catalog), block, b);
}

Status JournalManager::seal_transaction(const TxnBuilder& b) {
  const journal::TxnHeader& h = b.header;
  uint8_t header_block[kPageSize];
  uint8_t commit[kPageSize];
  journal::encode_header(h, header_block);
  journal::encode_commit(journal::TxnRef{h.seq, h.lsn, h.count}, journal::block_sum(header_block), commit);
  const Status s = sys_.disk_write(geo_.log_block(h.lsn), header_block);
  return failed(s) ? s : sys_.disk_write(geo_.log_block(h.lsn + 1 + h.count), commit);
}

Status JournalManager::append_transaction(journal::TxnRef* txn) {
  TxnBuilder b;
  b.header.seq = published_.seq + 1;
  b.header.lsn = published_.seq == 0 ? 0 : published_.end();
  b.header.count = 0;
  b.limit = b.header.lsn + geo_.log_blocks;  // the published transaction is applied and marked (J2)
  dirty_dir_blocks_ = 0;
  Status s = Status::ok;
  for (const auto& c : containers_)
    if (c.live && !failed(s)) s = log_dirty_pages(c, &b);
  if (!failed(s)) s = log_metadata(&b);
  if (!failed(s)) s = seal_transaction(b);
  *txn = journal::TxnRef{b.header.seq, b.header.lsn, b.header.count};
  return s;
}

Status JournalManager::publish_root(const journal::TxnRef& txn) {
  uint8_t page[kPageSize];
  journal::encode_root(journal::RootInfo{journal::kEntryJournal, txn}, page);
  return sys_.write_page(self_, journal::kJournalRootPage, page);
}

Status JournalManager::snapshot() {
  if (failed_) return Status::corrupt;
  Status s = Status::ok;
  if (published_.seq != 0 && !applied_) {
    s = apply_transaction(published_);
    if (!failed(s) && !bug(journal::kBugUnflushedApply)) s = sys_.disk_flush();  // J5: its home writes are durable before the mark
    if (!failed(s)) s = mark_applied(published_);
  }
  journal::TxnRef txn{};
  if (!failed(s)) s = append_transaction(&txn);
  // J1: the whole new transaction is durable before the root page names it
  // (the kernel may make the root copy durable at once).
  if (!failed(s)) s = sys_.disk_flush();
  if (!failed(s)) s = publish_root(txn);
  if (!failed(s)) {
    published_ = txn;
    applied_ = false;
  }
  if (!failed(s) && bug(journal::kBugApplyBeforeStable)) {
    s = apply_transaction(published_);
    applied_ = true;
  }
  if (failed(s)) failed_ = true;
  return s;
}

}  // namespace sc

// journal_recover.cpp — recovery of the journal manager. From the root page
// the kernel restored: unless the superblock says the transaction it names
// was applied, validate that transaction in the log and replay it to the
// home blocks, flush, mark it applied in the superblock, flush (J5). Then
// load the catalog (which must be the one that transaction wrote) and the
// directory from the home blocks and recreate every managed container.
// Recovery writes, so a power cut may interrupt it; replay is idempotent, so
// recovering again gives the same state. Anything inconsistent is
// Status::corrupt.
#include "managers/journal/journal_bugs.h"
#include "managers/journal/journal_manager.h"

namespace sc {

Status JournalManager::replay_if_needed(const journal::TxnRef& txn) {
  uint8_t block[kPageSize];
  journal::Superblock sb{};
  Status s = sys_.disk_read(0, block);
  if (failed(s)) return s;
  // A superblock that does not decode (never written, or torn) marks nothing applied.
  if (!failed(journal::decode_superblock(block, &sb)) && sb.applied_seq == txn.seq && sb.applied_lsn == txn.lsn)
    return Status::ok;
  s = validate_transaction(txn);
  if (!failed(s)) s = apply_transaction(txn);
  if (!failed(s) && !bug(journal::kBugEarlyAppliedMark)) s = sys_.disk_flush();
  return failed(s) ? s : mark_applied(txn);
}

// Entry i must own slot i (journal_snapshot.cpp hands slots out that way)
// and name a (container, page) no other entry names; each block must carry
// the seal the catalog recorded (J6).
Status JournalManager::load_directory(const journal::Catalog& catalog) {
  const uint32_t entry_count = catalog.entry_count;
  uint8_t block[kPageSize];
  entry_count_ = 0;
  for (uint32_t d = 0; entry_count_ < entry_count; ++d) {
    if (d >= geo_.dir_blocks) return Status::corrupt;
    uint32_t count = 0;
    const uint32_t left = entry_count - entry_count_;
    Status s = sys_.disk_read(geo_.dir_start + d, block);
    if (!failed(s)) s = journal::decode_dir_block(block, d, geo_, entries_ + entry_count_, left, &count);
    if (failed(s)) return s;
    if (journal::block_seal(block) != catalog.dir_seals[d] && !bug(journal::kBugUnsealedDirectory))
      return Status::corrupt;
    dir_seals_[d] = catalog.dir_seals[d];
    if (count != (left < journal::kEntriesPerDirBlock ? left : journal::kEntriesPerDirBlock)) return Status::corrupt;
    for (uint32_t i = 0; i < count; ++i) {
      const journal::DirEntry& e = entries_[entry_count_];
      if (e.slot != entry_count_ || find_entry(e.container, e.page) >= 0) return Status::corrupt;
      ++entry_count_;
    }
  }
  return Status::ok;
}

Status JournalManager::recreate_containers(const journal::Catalog& catalog) {
  Status s = Status::ok;
  for (uint32_t i = 0; i < catalog.container_count && !failed(s); ++i) {
    if (catalog.containers[i] == home_) continue;
    Capref cap;
    s = sys_.create_container(catalog.containers[i], &cap);
    if (!failed(s)) s = containers_.add(catalog.containers[i], cap);
  }
  for (uint32_t i = 0; i < entry_count_ && !failed(s); ++i) {
    bool known = entries_[i].container == home_;
    for (uint32_t j = 0; j < catalog.container_count; ++j) known = known || catalog.containers[j] == entries_[i].container;
    if (!known) s = Status::corrupt;
  }
  return s;
}

Status JournalManager::load_home(const journal::TxnRef& txn) {
  uint8_t block[kPageSize];
  journal::Catalog catalog{};
  Status s = sys_.disk_read(geo_.catalog, block);
  if (!failed(s)) s = journal::decode_catalog(block, geo_, &catalog);
  if (!failed(s) && catalog.seq != txn.seq) s = Status::corrupt;
  if (!failed(s) && bug(journal::kBugBlankDirectoryIsFresh) && directory_never_written()) return Status::ok;
  if (!failed(s)) s = load_directory(catalog);
  return failed(s) ? s : recreate_containers(catalog);
}

Status JournalManager::recover() {
  uint8_t page[kPageSize];
  journal::RootInfo root{};
  uint64_t blocks = 0;
  Status s = sys_.disk_blocks(&blocks);
  if (!failed(s)) s = journal::make_geometry(blocks, &geo_);
  if (!failed(s)) s = containers_.add(home_, self_);
  if (!failed(s)) s = sys_.read_page(self_, journal::kJournalRootPage, page);
  if (!failed(s)) s = journal::decode_root(page, &root);
  if (!failed(s) && (root.entry != journal::kEntryJournal || root.txn.seq == 0)) s = Status::corrupt;
  if (!failed(s)) s = replay_if_needed(root.txn);
  if (!failed(s)) s = load_home(root.txn);
  if (failed(s)) {
    failed_ = true;
    return s;
  }
  published_ = root.txn;
  applied_ = true;
  return Status::ok;
}

}  // namespace sc

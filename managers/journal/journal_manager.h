// journal_manager.h — the journal self-managing manager: it keeps every
// page it manages in a home slot on its partition, updated in place, and
// makes each stabilisation atomic with a write-ahead redo log
// (journal_format.h has the format and the invariants J1–J5).
//
// Upcalls: start_fresh (map the root page, start empty), recover (replay the
// transaction the root page names unless the superblock says it was applied,
// flush, mark it applied, flush; then load catalog and directory from the
// home blocks and recreate the managed containers), page_fault (read the
// home slot, verify its directory checksum, supply it), container_snapshot
// (apply the previous, now stable, transaction home; append the next one to
// the log; flush; point the root page at it), enumerate_pages, stabilise.
// Any failed call leaves the manager failed: it refuses further snapshots.
// Seeded bugs (bug_bits, journal_bugs.h) each break one invariant.
#pragma once
#include <stdint.h>

#include "kernel/core/upcall.h"
#include "managers/journal/journal_format.h"
#include "managers/sdk/managed_containers.h"
#include "managers/sdk/sys.h"

namespace sc {

class JournalManager final : public UpcallTarget {
 public:
  JournalManager(Sys& sys, uint32_t bug_bits) : sys_(sys), bugs_(bug_bits) {}
  Status upcall(const Upcall& call) override;

 private:
  // The transaction being appended by a snapshot.
  struct TxnBuilder {
    journal::TxnHeader header;
    uint64_t limit;  // first LSN it may not use: the published transaction's lsn + L
  };

  Status start_fresh();
  Status recover();
  Status page_fault(const Upcall& call);
  Status snapshot();
  Status enumerate(const Upcall& call);
  bool bug(uint32_t bit) const { return (bugs_ & bit) != 0; }

  // journal_replay.cpp
  Status validate_transaction(const journal::TxnRef& txn);
  Status apply_transaction(const journal::TxnRef& txn);
  Status apply_record(uint64_t lsn, uint32_t target, uint64_t sum);
  Status mark_applied(const journal::TxnRef& txn);

  // journal_recover.cpp
  Status replay_if_needed(const journal::TxnRef& txn);
  Status load_home(const journal::TxnRef& txn);
  Status load_directory(const journal::Catalog& catalog);
  Status recreate_containers(const journal::Catalog& catalog);

  // journal_seeded_bugs.cpp
  Status xor_with_home(uint32_t target, uint8_t* block);
  bool home_block_matches_ends(uint32_t target, const uint8_t* image);
  bool home_slot_matches_sector_heads(uint32_t target, const uint8_t* image);
  bool directory_never_written();

  // journal_snapshot.cpp
  Status append_transaction(journal::TxnRef* txn);
  Status log_dirty_pages(const ManagedContainer& c, TxnBuilder* b);
  Status log_page(const ManagedContainer& c, uint32_t page, TxnBuilder* b);
  Status log_metadata(TxnBuilder* b);
  Status log_record(uint32_t target, const uint8_t* image, TxnBuilder* b);
  Status seal_transaction(const TxnBuilder& b);
  Status publish_root(const journal::TxnRef& txn);
  Status find_or_add_entry(ContainerId id, uint32_t page, uint32_t* index);
  int find_entry(ContainerId id, uint32_t page) const;

  Sys& sys_;
  uint32_t bugs_;
  bool failed_ = false;
  Capref self_{};
  ContainerId home_ = kNoContainer;
  journal::Geometry geo_{};
  journal::TxnRef published_{};  // what the root page names (seq 0: nothing yet)
  bool applied_ = false;         // the home blocks hold published_
  ManagedContainers containers_;
  // Only the first entry_count_ entries are meaningful; entry i lives in
  // directory block i / kEntriesPerDirBlock and owns home slot entries_[i].slot.
  journal::DirEntry entries_[journal::kMaxEntries];
  uint32_t entry_count_ = 0;
  uint32_t dirty_dir_blocks_ = 0;  // bit d: directory block d changed in this snapshot
  uint64_t dir_seals_[journal::kMaxDirBlocks] = {};  // seal of directory block d as last logged (J6)
};

}  // namespace sc

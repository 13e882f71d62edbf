// journal_manager.cpp — upcall dispatch, fresh start, fault service and
// enumeration of the journal manager; see journal_manager.h.
#include "managers/journal/journal_manager.h"

#include "managers/sdk/page_service.h"

namespace sc {

Status JournalManager::upcall(const Upcall& call) {
  self_ = call.self;
  home_ = call.self_id;
  switch (call.kind) {
    case UpcallKind::start_fresh: return start_fresh();
    case UpcallKind::recover: return recover();
    case UpcallKind::container_created: return containers_.add(call.target_id, call.target);
    case UpcallKind::page_fault: return page_fault(call);
    case UpcallKind::container_snapshot: return snapshot();
    case UpcallKind::enumerate_pages: return enumerate(call);
    case UpcallKind::stabilise: return sys_.snapshot_request(self_);
  }
  return Status::bad_argument;
}

Status JournalManager::start_fresh() {
  uint64_t blocks = 0;
  Status s = sys_.disk_blocks(&blocks);
  if (!failed(s)) s = journal::make_geometry(blocks, &geo_);
  if (!failed(s)) s = sys_.map_root_page(self_, journal::kJournalRootPage);
  if (!failed(s)) s = containers_.add(home_, self_);
  if (failed(s)) return s;
  uint8_t page[kPageSize];
  journal::encode_root(journal::RootInfo{journal::kEntryJournal, journal::TxnRef{}}, page);
  return sys_.write_page(self_, journal::kJournalRootPage, page);
}

int JournalManager::find_entry(ContainerId id, uint32_t page) const {
  for (uint32_t i = 0; i < entry_count_; ++i)
    if (entries_[i].container == id && entries_[i].page == page) return static_cast<int>(i);
  return -1;
}

Status JournalManager::page_fault(const Upcall& call) {
  const int i = find_entry(call.target_id, call.page);
  if (i < 0) return sys_.supply_page(call.target, call.page, nullptr);
  return supply_checked_block(sys_, call, geo_.slot_block(entries_[i].slot), entries_[i].checksum);
}

Status JournalManager::enumerate(const Upcall& call) {
  const auto page_at = [&](uint32_t i, uint32_t* page) {
    *page = entries_[i].page;
    return entries_[i].container == call.target_id;
  };
  const auto saved = [&](uint32_t page) { return find_entry(call.target_id, page) >= 0; };
  return report_pages(sys_, call, entry_count_, page_at, saved);
}

}  // namespace sc

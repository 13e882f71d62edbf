// shadow_manager.cpp — upcall dispatch, fault service and enumeration of the
// self-managing manager; see shadow_manager.h.
#include "managers/shadow/shadow_manager.h"

#include "kernel/core/checksum.h"
#include "managers/sdk/page_service.h"

namespace sc {

Status ShadowManager::upcall(const Upcall& call) {
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

Status ShadowManager::load_partition_size() {
  const Status s = sys_.disk_blocks(&block_count_);
  if (block_count_ > shadow::kMaxPartitionBlocks) block_count_ = shadow::kMaxPartitionBlocks;
  for (uint64_t b = 0; b < block_count_; ++b) blocks_[b] = BlockState::free;
  return s;
}

Status ShadowManager::start_fresh() {
  Status s = load_partition_size();
  if (!failed(s)) s = sys_.map_root_page(self_, shadow::kShadowRootPage);
  if (!failed(s)) s = containers_.add(home_, self_);
  if (failed(s)) return s;
  uint8_t page[kPageSize];
  shadow::encode_root(shadow::RootInfo{kEntryShadowManager, shadow::kNoBlock, 0}, page);
  return sys_.write_page(self_, shadow::kShadowRootPage, page);
}

int ShadowManager::find_entry(ContainerId id, uint32_t page) const {
  for (uint32_t i = 0; i < map_count_; ++i)
    if (map_[i].container == id && map_[i].page == page) return static_cast<int>(i);
  return -1;
}

Status ShadowManager::page_fault(const Upcall& call) {
  const int i = find_entry(call.target_id, call.page);
  if (i < 0) return sys_.supply_page(call.target, call.page, nullptr);
  if ((bugs_ & kShadowBugTrustData) != 0) return supply_unchecked_block(call, map_[i].block);
  if ((bugs_ & kShadowBugAnySavedChecksum) != 0) return supply_any_saved_block(call, map_[i].block);
  const Status s = supply_checked_block(sys_, call, map_[i].block, map_[i].checksum);
  if (s == Status::io_error && (bugs_ & kShadowBugZeroUnreadable) != 0) return supply_zeros(call);
  return s;
}

Status ShadowManager::enumerate(const Upcall& call) {
  const auto page_at = [&](uint32_t i, uint32_t* page) {
    *page = map_[i].page;
    return map_[i].container == call.target_id;
  };
  const auto saved = [&](uint32_t page) { return find_entry(call.target_id, page) >= 0; };
  return report_pages(sys_, call, map_count_, page_at, saved);
}

}  // namespace sc

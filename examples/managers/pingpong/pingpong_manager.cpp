// pingpong_manager.cpp — boot, fault service and enumeration of the pingpong
// manager, and its registration; see pingpong_manager.h.
#include "pingpong_manager.h"

#include "managers/sdk/page_service.h"
#include "managers/sdk/manager_program.h"

namespace sc::pingpong {

Status PingpongManager::upcall(const Upcall& call) {
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

Status PingpongManager::load_half_blocks() {
  uint64_t blocks = 0;
  const Status s = sys_.disk_blocks(&blocks);
  half_blocks_ = blocks / 2;
  if (failed(s)) return s;
  return capacity(half_blocks_) == 0 ? Status::no_space : Status::ok;
}

Status PingpongManager::start_fresh() {
  Status s = load_half_blocks();
  if (!failed(s)) s = sys_.map_root_page(self_, kPingpongRootPage);
  if (!failed(s)) s = containers_.add(home_, self_);
  if (failed(s)) return s;
  uint8_t page[kPageSize];
  encode_root(Root{kEntryPingpong, kNoHalf, 0}, page);
  return sys_.write_page(self_, kPingpongRootPage, page);
}

// The half the restored root page names is complete (the invariant of
// pingpong_format.h); anything that does not match it is corrupt.
Status PingpongManager::recover() {
  uint8_t buf[kPageSize];
  Root root{};
  Status s = load_half_blocks();
  if (!failed(s)) s = containers_.add(home_, self_);
  if (!failed(s)) s = sys_.read_page(self_, kPingpongRootPage, buf);
  if (!failed(s)) s = decode_root(buf, &root);
  if (!failed(s) && (root.entry != kEntryPingpong || root.half == kNoHalf)) s = Status::corrupt;
  if (!failed(s)) s = sys_.disk_read(root.half * half_blocks_, buf);
  if (!failed(s)) s = decode_table(buf, half_blocks_, &table_);
  if (!failed(s) && table_.generation != root.generation) s = Status::corrupt;
  for (uint32_t i = 0; i < table_.container_count && !failed(s); ++i) {
    if (table_.containers[i] == home_) continue;
    Capref cap;
    s = sys_.create_container(table_.containers[i], &cap);
    if (!failed(s)) s = containers_.add(table_.containers[i], cap);
  }
  if (failed(s)) {
    failed_ = true;
    return s;
  }
  current_half_ = root.half;
  return Status::ok;
}

int PingpongManager::find_entry(ContainerId id, uint32_t page) const {
  for (uint32_t i = 0; i < table_.entry_count; ++i)
    if (table_.entries[i].container == id && table_.entries[i].page == page) return static_cast<int>(i);
  return -1;
}

Status PingpongManager::page_fault(const Upcall& call) {
  const int i = find_entry(call.target_id, call.page);
  if (i < 0) return sys_.supply_page(call.target, call.page, nullptr);
  const uint64_t block = block_of(current_half_, static_cast<uint32_t>(i));
  return supply_checked_block(sys_, call, block, table_.entries[i].checksum);
}

// Every page the container has: those in the image, then dirty pages not in it yet.
Status PingpongManager::enumerate(const Upcall& call) {
  const auto page_at = [&](uint32_t i, uint32_t* page) {
    *page = table_.entries[i].page;
    return table_.entries[i].container == call.target_id;
  };
  const auto saved = [&](uint32_t page) { return find_entry(call.target_id, page) >= 0; };
  return report_pages(sys_, call, table_.entry_count, page_at, saved);
}

namespace {
constexpr ManagerBug kBugs[] = {
    {"pingpong-skip-flush", "no flush before the root page update: the root may name a half that is not durable",
     kBugSkipFlush},
};
}  // namespace

}  // namespace sc::pingpong

STABLECUT_REGISTER_MANAGER(pingpong) = {
    "pingpong",
    "example: double-buffered image, two halves, the root page names the current one",
    ::sc::ManagerRole::self_managing,
    ::sc::pingpong::kEntryPingpong,
    ::sc::construct_program<::sc::pingpong::PingpongManager>,
    ::sc::pingpong::kBugs,
    1,
};

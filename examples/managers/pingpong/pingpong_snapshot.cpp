// pingpong_snapshot.cpp — container_snapshot of the pingpong manager: build
// the next image in the half the root page does not name, flush, then point
// the root page at it. The current half is never written.
#include "pingpong_manager.h"
#include "kernel/core/checksum.h"

namespace sc::pingpong {

// A dirty page: its entry (appended if new) gets the page's current data.
Status PingpongManager::save_page(const ManagedContainer& c, uint32_t page, uint32_t half, bool* saved) {
  int i = find_entry(c.id, page);
  if (i < 0 && table_.entry_count == capacity(half_blocks_)) return Status::no_space;
  if (i < 0) {
    i = static_cast<int>(table_.entry_count++);
    table_.entries[i] = Entry{c.id, page, 0};
  }
  uint8_t data[kPageSize];
  Status s = sys_.read_page(c.cap, page, data);
  if (!failed(s)) s = sys_.clean_page(c.cap, page);
  if (!failed(s)) s = sys_.disk_write(block_of(half, static_cast<uint32_t>(i)), data);
  if (failed(s)) return s;
  table_.entries[i].checksum = checksum64(data, kPageSize);
  saved[i] = true;
  return Status::ok;
}

Status PingpongManager::save_dirty_pages(const ManagedContainer& c, uint32_t half, bool* saved) {
  uint32_t dirty[kMaxFrames];
  uint32_t count = 0;
  Status s = sys_.dirty_pages(c.cap, dirty, &count);
  for (uint32_t d = 0; d < count && !failed(s); ++d) s = save_page(c, dirty[d], half, saved);
  return s;
}

// A page unchanged since the last snapshot: its copy in the current half
// is checked before it is carried over, so rot is refused, not propagated.
Status PingpongManager::copy_clean_page(uint32_t entry, uint32_t half) {
  uint8_t data[kPageSize];
  const Status s = sys_.disk_read(block_of(current_half_, entry), data);
  if (failed(s)) return s;
  if (checksum64(data, kPageSize) != table_.entries[entry].checksum) return Status::corrupt;
  return sys_.disk_write(block_of(half, entry), data);
}

Status PingpongManager::write_table(uint32_t half) {
  table_.generation += 1;
  table_.container_count = 0;
  for (const auto& c : containers_)
    if (c.live) table_.containers[table_.container_count++] = c.id;
  uint8_t block[kPageSize];
  encode_table(table_, block);
  return sys_.disk_write(half * half_blocks_, block);
}

Status PingpongManager::publish_root(uint32_t half) {
  uint8_t page[kPageSize];
  encode_root(Root{kEntryPingpong, half, table_.generation}, page);
  return sys_.write_page(self_, kPingpongRootPage, page);
}

Status PingpongManager::snapshot() {
  if (failed_) return Status::corrupt;
  const uint32_t next = current_half_ == 0 ? 1 : 0;
  bool saved[kMaxEntries] = {};
  Status s = Status::ok;
  for (const auto& c : containers_)
    if (c.live && !failed(s)) s = save_dirty_pages(c, next, saved);
  for (uint32_t i = 0; i < table_.entry_count && !failed(s); ++i)
    if (!saved[i]) s = copy_clean_page(i, next);
  if (!failed(s)) s = write_table(next);
  // The manager's commit rule: the new half must be durable before the root
  // page names it, because the kernel may make the root copy durable first.
  if (!failed(s) && (bug_bits_ & kBugSkipFlush) == 0) s = sys_.disk_flush();
  if (!failed(s)) s = publish_root(next);
  if (failed(s)) {
    failed_ = true;
    return s;
  }
  current_half_ = next;
  return Status::ok;
}

}  // namespace sc::pingpong

// ordinary_manager.cpp — see ordinary_manager.h.
#include "managers/ordinary/ordinary_manager.h"

#include "kernel/core/bytes.h"
#include "kernel/core/checksum.h"
#include "kernel/core/limits.h"

namespace sc {

namespace {
constexpr uint64_t kHeaderMagic = 0x3152444845444d4fULL;  // "OMDHEDR1"
constexpr uint32_t kHeaderPage = 0;
constexpr uint32_t kContainersOffset = 16;
constexpr uint32_t kEntriesOffset = kContainersOffset + 2 * kMaxContainers;
constexpr uint32_t kEntryBytes = 12;
constexpr uint32_t kChecksumOffset = kPageSize - 8;
static_assert(kEntriesOffset + OrdinaryManager::kMaxEntries * kEntryBytes <= kChecksumOffset);
}  // namespace

void seal_ordinary_header(uint8_t* header) {
  store_u64(header + kChecksumOffset, checksum64(header, kChecksumOffset));
}

Status OrdinaryManager::upcall(const Upcall& call) {
  self_ = call.self;
  switch (call.kind) {
    case UpcallKind::start_fresh:
    case UpcallKind::recover: return recover();
    case UpcallKind::container_created: return containers_.add(call.target_id, call.target);
    case UpcallKind::page_fault: return page_fault(call);
    case UpcallKind::container_snapshot: return snapshot();
    case UpcallKind::enumerate_pages: return enumerate(call);
    case UpcallKind::stabilise: return Status::bad_argument;
  }
  return Status::bad_argument;
}

int OrdinaryManager::find_entry(ContainerId id, uint32_t page) const {
  for (uint32_t i = 0; i < entry_count_; ++i)
    if (entries_[i].container == id && entries_[i].page == page) return static_cast<int>(i);
  return -1;
}

Status OrdinaryManager::page_fault(const Upcall& call) {
  const int i = find_entry(call.target_id, call.page);
  if (i < 0) return sys_.supply_page(call.target, call.page, nullptr);
  uint8_t data[kPageSize];
  const Status s = sys_.read_page(self_, entries_[i].slot, data);
  return failed(s) ? s : sys_.supply_page(call.target, call.page, data);
}

Status OrdinaryManager::save_page(const ManagedContainer& c, uint32_t page) {
  int i = find_entry(c.id, page);
  if (i < 0) {
    if (entry_count_ == kMaxEntries) return Status::no_space;
    entries_[entry_count_] = Entry{c.id, page, entry_count_ + 1};
    i = static_cast<int>(entry_count_++);
  }
  uint8_t data[kPageSize];
  Status s = sys_.read_page(c.cap, page, data);
  if (!failed(s)) s = sys_.write_page(self_, entries_[i].slot, data);
  return failed(s) ? s : sys_.clean_page(c.cap, page);
}

Status OrdinaryManager::write_header() {
  uint8_t header[kPageSize];
  fill_bytes(header, 0, kPageSize);
  store_u64(header, kHeaderMagic);
  uint32_t containers = 0;
  for (const auto& c : containers_) {
    if (!c.live) continue;
    uint8_t* p = header + kContainersOffset + 2 * containers++;
    p[0] = static_cast<uint8_t>(c.id);
    p[1] = static_cast<uint8_t>(c.id >> 8);
  }
  store_u32(header + 8, containers);
  store_u32(header + 12, entry_count_);
  for (uint32_t i = 0; i < entry_count_; ++i) {
    uint8_t* e = header + kEntriesOffset + i * kEntryBytes;
    store_u32(e, entries_[i].container);
    store_u32(e + 4, entries_[i].page);
    store_u32(e + 8, entries_[i].slot);
  }
  seal_ordinary_header(header);
  return sys_.write_page(self_, kHeaderPage, header);
}

Status OrdinaryManager::snapshot() {
  for (const auto& c : containers_) {
    if (!c.live) continue;
    uint32_t dirty[kMaxFrames];
    uint32_t count = 0;
    Status s = sys_.dirty_pages(c.cap, dirty, &count);
    for (uint32_t i = 0; i < count && !failed(s); ++i) s = save_page(c, dirty[i]);
    if (failed(s)) return s;
  }
  return write_header();
}

Status OrdinaryManager::load_header(const uint8_t* header) {
  if (load_u64(header + kChecksumOffset) != checksum64(header, kChecksumOffset)) return Status::corrupt;
  const uint32_t containers = load_u32(header + 8);
  entry_count_ = load_u32(header + 12);
  if (containers > kMaxContainers || entry_count_ > kMaxEntries) return Status::corrupt;
  for (uint32_t i = 0; i < containers; ++i) {
    const uint8_t* p = header + kContainersOffset + 2 * i;
    const auto id = static_cast<ContainerId>(p[0] | (p[1] << 8));
    Capref cap;
    Status s = sys_.create_container(id, &cap);
    if (!failed(s)) s = containers_.add(id, cap);
    if (failed(s)) return s;
  }
  for (uint32_t i = 0; i < entry_count_; ++i) {
    const uint8_t* e = header + kEntriesOffset + i * kEntryBytes;
    entries_[i] = Entry{static_cast<ContainerId>(load_u32(e)), load_u32(e + 4), load_u32(e + 8)};
    if (entries_[i].slot != i + 1 || entries_[i].page >= kMaxPageNumber) return Status::corrupt;
  }
  return Status::ok;
}

// A header page of zeros means the container was never stabilised: start
// empty. Any other content must be a valid header.
Status OrdinaryManager::recover() {
  uint8_t header[kPageSize];
  const Status s = sys_.read_page(self_, kHeaderPage, header);
  if (failed(s)) return s;
  if (load_u64(header) == kHeaderMagic) return load_header(header);
  for (uint32_t i = 0; i < kPageSize; ++i)
    if (header[i] != 0) return Status::corrupt;
  return Status::ok;
}

Status OrdinaryManager::enumerate(const Upcall& call) {
  for (uint32_t i = 0; i < entry_count_; ++i) {
    if (entries_[i].container != call.target_id) continue;
    const Status s = sys_.report_page(call.target, entries_[i].page);
    if (failed(s)) return s;
  }
  return Status::ok;
}

}  // namespace sc

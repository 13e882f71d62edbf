// shadow_seeded_bugs.cpp — the shadow manager's seeded bugs that need code
// of their own (shadow_manager.h, kShadowBug*; selected at run time with
// --bug, never on in a correct run). Kept apart so coverage counts them on
// their own: a correct campaign cannot reach them (docs/campaigns.md,
// "Coverage and steering").
#include "kernel/core/checksum.h"
#include "managers/shadow/shadow_manager.h"

namespace sc {

// Seeded bug kShadowBugZeroUnreadable: a data block that cannot be read is
// supplied as zeros.
Status ShadowManager::supply_zeros(const Upcall& call) { return sys_.supply_page(call.target, call.page, nullptr); }

// Seeded bug kShadowBugTrustData: the block as read, checksum unchecked.
Status ShadowManager::supply_unchecked_block(const Upcall& call, uint64_t block) {
  uint8_t data[kPageSize];
  const Status s = sys_.disk_read(block, data);
  return failed(s) ? s : sys_.supply_page(call.target, call.page, data);
}

// Seeded bug kShadowBugAnySavedChecksum: the block is checked against every
// entry's checksum, not against the checksum of the entry that names it.
Status ShadowManager::supply_any_saved_block(const Upcall& call, uint64_t block) {
  uint8_t data[kPageSize];
  const Status s = sys_.disk_read(block, data);
  if (failed(s)) return s;
  const uint64_t sum = checksum64(data, kPageSize);
  for (uint32_t e = 0; e < map_count_; ++e)
    if (map_[e].checksum == sum) return sys_.supply_page(call.target, call.page, data);
  return Status::corrupt;
}

// Seeded bug kShadowBugRecoverFreesData: the free map is rebuilt from the
// blocks recovery read itself, so every data block the recovered map names
// is free for the next snapshot to overwrite.
void ShadowManager::keep_only_blocks_read() {
  for (uint64_t b = 0; b < block_count_; ++b) blocks_[b] = BlockState::free;
  for (uint32_t i = 0; i < meta_count_; ++i) blocks_[meta_blocks_[i]] = BlockState::committed;
}

// Seeded bug kShadowBugUncheckedReadPage: read_page's status is dropped, so
// a page the kernel could not hand over is saved as the zeroed buffer.
Status ShadowManager::read_page_unchecked(const ManagedContainer& c, uint32_t page, uint8_t* data) {
  for (uint32_t i = 0; i < kPageSize; ++i) data[i] = 0;
  (void)sys_.read_page(c.cap, page, data);
  return Status::ok;
}

}  // namespace sc

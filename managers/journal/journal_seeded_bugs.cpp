// journal_seeded_bugs.cpp — the journal manager's seeded bugs that need code
// of their own (journal_bugs.h; selected at run time with --bug, never on in
// a correct run). Kept apart so coverage counts them on their own: a correct
// campaign cannot reach them (docs/campaigns.md, "Coverage and steering").
#include "kernel/core/bytes.h"
#include "managers/journal/journal_manager.h"

namespace sc {

// Seeded bug kBugXorReplay: a record holds new XOR old home content, and
// replay XORs it with the home block again, so replay is not idempotent.
Status JournalManager::xor_with_home(uint32_t target, uint8_t* block) {
  uint8_t old[kPageSize];
  const Status s = sys_.disk_read(target, old);
  if (failed(s)) return s;
  for (uint32_t i = 0; i < kPageSize; ++i) block[i] ^= old[i];
  return Status::ok;
}

// Seeded bug kBugBlankDirectoryIsFresh: an all-zero first directory block
// taken as "nothing saved yet" (an unreadable one is left to load_directory).
bool JournalManager::directory_never_written() {
  uint8_t block[kPageSize];
  if (failed(sys_.disk_read(geo_.dir_start, block))) return false;
  for (uint32_t i = 0; i < kPageSize; ++i)
    if (block[i] != 0) return false;
  return true;
}

// Seeded bug kBugSkipByEnds: a home block whose first and last sectors
// already equal the record's is taken as holding it; a torn write breaks that.
bool JournalManager::home_block_matches_ends(uint32_t target, const uint8_t* image) {
  uint8_t home[kPageSize];
  if (failed(sys_.disk_read(target, home))) return false;
  constexpr uint32_t kSector = kPageSize / kSectorsPerPage;
  constexpr uint32_t kLast = kPageSize - kSector;
  return bytes_equal(home, image, kSector) && bytes_equal(home + kLast, image + kLast, kSector);
}

// Seeded bug kBugSkipBySectorHeads: one word per sector stands for the sector.
bool JournalManager::home_slot_matches_sector_heads(uint32_t target, const uint8_t* image) {
  uint8_t home[kPageSize];
  if (target < geo_.data_start || failed(sys_.disk_read(target, home))) return false;
  constexpr uint32_t kSector = kPageSize / kSectorsPerPage;
  for (uint32_t at = 0; at < kPageSize; at += kSector)
    if (!bytes_equal(home + at, image + at, 8)) return false;
  return true;
}

}  // namespace sc

// root_store.cpp — encoding of root copies and cut records; see root_store.h.
#include "root_store.h"

#include "bytes.h"
#include "checksum.h"

namespace sc {

namespace {

constexpr uint64_t kRootMagic = 0x3130544f4f524353ULL;  // "SCROOT01"
constexpr uint64_t kCutMagic = 0x3130545543534353ULL;   // "SCSCUT01"
constexpr uint32_t kCutEntryBytes = 16;
constexpr uint32_t kCutHeaderBytes = 20;
constexpr uint32_t kCutChecksumOffset = kSectorSize - 8;

uint64_t root_checksum(const uint8_t* header, const uint8_t* page) {
  return checksum64(page, kPageSize, checksum64(header, 16));
}

void encode_cut(const CutRecord& cut, uint8_t* s) {
  fill_bytes(s, 0, kSectorSize);
  store_u64(s, kCutMagic);
  store_u64(s + 8, cut.epoch);
  store_u32(s + 16, cut.count);
  for (uint32_t i = 0; i < cut.count; ++i) {
    uint8_t* e = s + kCutHeaderBytes + i * kCutEntryBytes;
    e[0] = cut.entries[i].manager;
    e[1] = cut.entries[i].copy;
    store_u32(e + 4, cut.entries[i].root_page);
    store_u32(e + 8, cut.entries[i].version);
  }
  seal_cut_record(s);
}

bool decode_cut(const uint8_t* s, CutRecord* cut) {
  if (load_u64(s) != kCutMagic) return false;
  if (load_u64(s + kCutChecksumOffset) != checksum64(s, kCutChecksumOffset)) return false;
  cut->epoch = load_u64(s + 8);
  cut->count = load_u32(s + 16);
  if (cut->count > kMaxSelfManaging) return false;
  for (uint32_t i = 0; i < cut->count; ++i) {
    const uint8_t* e = s + kCutHeaderBytes + i * kCutEntryBytes;
    cut->entries[i] = CutEntry{e[0], e[1], load_u32(e + 4), load_u32(e + 8)};
    if (cut->entries[i].copy > 1 || cut->entries[i].manager >= kMaxSelfManaging) return false;
  }
  return true;
}

}  // namespace

const CutEntry* CutRecord::find(ManagerId m) const {
  for (uint32_t i = 0; i < count; ++i)
    if (entries[i].manager == m) return &entries[i];
  return nullptr;
}

bool CutRecord::set(const CutEntry& e) {
  for (uint32_t i = 0; i < count; ++i) {
    if (entries[i].manager == e.manager) {
      entries[i] = e;
      return true;
    }
  }
  if (count == kMaxSelfManaging) return false;
  entries[count++] = e;
  return true;
}

uint64_t root_copy_sector(ManagerId root_slot, uint8_t copy) {
  return 8 + kRootCopySectors * (2u * root_slot + copy);
}

Status write_root_copy(BlockDevice& disk, ManagerId manager, uint8_t copy, uint32_t version,
                       const uint8_t* page) {
  if (manager >= kMaxSelfManaging || copy > 1) return Status::bad_argument;
  uint8_t buf[kRootCopySectors * kSectorSize];
  fill_bytes(buf, 0, kSectorSize);
  store_u64(buf, kRootMagic);
  store_u32(buf + 8, manager);
  store_u32(buf + 12, version);
  copy_bytes(buf + kSectorSize, page, kPageSize);
  store_u64(buf + 16, root_checksum(buf, page));
  return disk.write(root_copy_sector(manager, copy), kRootCopySectors, buf, /*fua=*/true);
}

void seal_cut_record(uint8_t* sector) {
  store_u64(sector + kCutChecksumOffset, checksum64(sector, kCutChecksumOffset));
}

void seal_root_copy(uint8_t* copy) { store_u64(copy + 16, root_checksum(copy, copy + kSectorSize)); }

Status read_root_copy(BlockDevice& disk, ManagerId manager, uint8_t copy, uint8_t* page,
                      uint32_t* version) {
  if (manager >= kMaxSelfManaging || copy > 1) return Status::bad_argument;
  uint8_t buf[kRootCopySectors * kSectorSize];
  const Status s = disk.read(root_copy_sector(manager, copy), kRootCopySectors, buf);
  if (failed(s)) return s;
  if (load_u64(buf) != kRootMagic || load_u32(buf + 8) != manager) return Status::corrupt;
  if (load_u64(buf + 16) != root_checksum(buf, buf + kSectorSize)) return Status::corrupt;
  *version = load_u32(buf + 12);
  copy_bytes(page, buf + kSectorSize, kPageSize);
  return Status::ok;
}

Status write_cut_record(BlockDevice& disk, const CutRecord& cut) {
  uint8_t sector[kSectorSize];
  encode_cut(cut, sector);
  // COMMIT POINT of stabilisation (invariant R3): once this FUA write is
  // durable, recovery restores this cut.
  return disk.write(cut.epoch % 2, 1, sector, /*fua=*/true);
}

Status read_newest_cut(BlockDevice& disk, CutRecord* cut) {
  bool found = false;
  for (uint64_t slot = 0; slot < 2; ++slot) {
    uint8_t sector[kSectorSize];
    const Status s = disk.read(slot, 1, sector);
    if (failed(s)) return s;
    CutRecord candidate;
    if (!decode_cut(sector, &candidate) || candidate.epoch % 2 != slot) continue;
    if (!found || candidate.epoch > cut->epoch) *cut = candidate;
    found = true;
  }
  return found ? Status::ok : Status::not_found;
}

}  // namespace sc

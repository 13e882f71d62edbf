// file_region.h — the files of one SQLite database on one block device, with
// their existence, size and place kept on the device too.
//
// Layout (sectors of 512 bytes): sector s (s < kSlotCount) is the metadata
// sector of file slot s — 0 the main database, 1 its rollback journal
// ("-journal"), 2 its write-ahead log ("-wal"). It holds kMetaMagic, an
// exists flag, the size in bytes and the file's generation; any other
// content (all zeros included) means "no file, generation 0". The data of
// generation g of slot s is the region of region_sectors sectors at
// kDataStart + (g * kSlotCount + s) * region_sectors.
//
// Creating a file, and truncating it to zero bytes, start a new generation:
// like an allocating file system, a file's new incarnation gets space that
// no earlier incarnation wrote (it reads as zeros), and a deletion or
// truncation a crash loses leaves the old incarnation's data untouched by
// the new one. A truncation to a nonzero size keeps the generation.
//
// Every operation goes through the BlockDevice as ordinary requests: a data
// write is one WRITE covering the touched sectors (partial sectors
// read-modify-written from the device's current view), and a change of
// existence, size or generation is one WRITE of the metadata sector, issued
// after the data it exposes. Nothing is FUA; only sync() (a FLUSH) makes
// anything durable. So a crash keeps or loses a create, delete, extension or
// truncation exactly like data (crash_model.h, FILES); an extension kept
// without its data exposes zeros or what this incarnation wrote there before
// (SQLite assumes such garbage without SQLITE_IOCAP_SAFE_APPEND).
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "kernel/core/block_device.h"

namespace sc::sqlite {

constexpr uint64_t kSlotCount = 3;
constexpr uint64_t kDataStart = 8;
constexpr uint64_t kGenerations = uint64_t{1} << 20;  // per slot; one more is Status::no_space
constexpr uint64_t kMetaMagic = 0x32304c4946435353ULL;  // "SSCFIL02"

// Which slot a file name takes, given the main database's name; nullopt for
// a name that is none of the three (e.g. a super-journal).
std::optional<uint64_t> slot_of(std::string_view main_name, std::string_view name);

// Sectors of a device holding every generation of the three files.
inline uint64_t device_sectors(uint64_t region_sectors) {
  return kDataStart + kGenerations * kSlotCount * region_sectors;
}

struct FileMeta {
  bool exists = false;
  uint64_t size = 0;
  uint64_t generation = 0;
};

class FileRegion {
 public:
  FileRegion(BlockDevice& disk, uint64_t slot, uint64_t region_sectors)
      : disk_(&disk), slot_(slot), region_sectors_(region_sectors) {}

  uint64_t capacity() const { return region_sectors_ * kSectorSize; }

  // Each returns Status::ok or the device's error; bad_argument for bytes
  // beyond capacity(), no_space when the generations run out.
  Status meta(FileMeta* out) const;
  Status create();                 // a new, empty generation
  Status remove();                 // not existing; the generation is kept
  Status truncate(uint64_t size);  // to zero: a new generation
  // Reads n bytes at `offset` of generation m.generation (no size check).
  Status read(const FileMeta& m, uint64_t offset, uint64_t n, void* buf) const;
  // Writes n bytes at `offset` and extends the size past them if needed.
  Status write(uint64_t offset, uint64_t n, const void* buf);
  Status sync() { return disk_->flush(); }

 private:
  Status set_meta(const FileMeta& m);
  uint64_t first_sector(uint64_t generation) const {
    return kDataStart + (generation * kSlotCount + slot_) * region_sectors_;
  }

  BlockDevice* disk_;
  uint64_t slot_;
  uint64_t region_sectors_;
};

}  // namespace sc::sqlite

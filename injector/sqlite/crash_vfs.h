// crash_vfs.h — a SQLite VFS whose files live on a crash-model BlockDevice
// (file_region.h), so every read, write, truncate, sync, create and delete
// of a database, its rollback journal and its WAL is a request of that
// device (a RecordingDisk while recording, an OverlayDisk on a crash image).
//
// Mapping (file_region.h has the layout and the rules): xWrite = one WRITE
// of the touched sectors (plus a metadata WRITE when the file grows);
// xTruncate = a metadata WRITE (to zero: a new generation); xSync = FLUSH (the one
// device also holds the "directory", so a file sync covers it); xDelete = a
// metadata WRITE, then a FLUSH if SQLite asks for the directory sync;
// xOpen with SQLITE_OPEN_CREATE of a missing file = a metadata WRITE (a new
// generation).
// xSectorSize is 512 and xDeviceCharacteristics is 0: the model does not
// promise atomic multi-sector writes, safe append, sequential order or
// power-safe overwrite (a torn write keeps any subset of its sectors).
// Files without a name (temp files) live in heap memory and are not durable.
// The VFS has no xShm methods (iVersion 1): WAL mode needs
// PRAGMA locking_mode=EXCLUSIVE, which keeps the WAL index in heap memory;
// it is not durable and SQLite rebuilds it from the WAL on open.
// Locks are no-ops (one connection per device). xRandomness and
// xCurrentTime are deterministic (seeded; a fixed clock).
//
// Interface: construct over a device; the VFS is registered under name()
// (never as the default VFS) until destruction. The only database it opens is
// kMainName. Use one CrashVfs from one thread at a time.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "kernel/core/block_device.h"
#include "kernel/core/prng.h"

namespace sc::sqlite {

class CrashVfs {
 public:
  static constexpr const char* kMainName = "/stablecut.db";

  CrashVfs(BlockDevice& disk, uint64_t region_sectors, uint64_t seed);
  ~CrashVfs();
  CrashVfs(const CrashVfs&) = delete;
  CrashVfs& operator=(const CrashVfs&) = delete;

  const char* name() const { return name_.c_str(); }
  BlockDevice& disk() { return *disk_; }
  uint64_t region_sectors() const { return region_sectors_; }
  Prng& prng() { return prng_; }

 private:
  BlockDevice* disk_;
  uint64_t region_sectors_;
  Prng prng_;
  std::string name_;
  sqlite3_vfs vfs_{};
};

}  // namespace sc::sqlite

// crash_vfs.cpp — see crash_vfs.h. The sqlite3_vfs callbacks, then the
// io_methods of device files and of heap (temp) files.
#include "injector/sqlite/crash_vfs.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <new>
#include <vector>

#include "injector/sqlite/file_region.h"

namespace sc::sqlite {

namespace {

// What SQLite allocates for each open file (szOsFile bytes); base first.
struct VfsFile {
  sqlite3_file base;
  FileRegion* region;           // a device file, or
  std::vector<uint8_t>* heap;   // a temp file
};

CrashVfs& owner(sqlite3_vfs* vfs) { return *static_cast<CrashVfs*>(vfs->pAppData); }
VfsFile& file_of(sqlite3_file* f) { return *reinterpret_cast<VfsFile*>(f); }

// ---- device files ----

int device_close(sqlite3_file* f) {
  delete file_of(f).region;
  file_of(f).region = nullptr;
  return SQLITE_OK;
}

int device_read(sqlite3_file* f, void* buf, int amount, sqlite3_int64 offset) {
  FileRegion& r = *file_of(f).region;
  FileMeta m;
  if (r.meta(&m) != Status::ok) return SQLITE_IOERR_READ;
  const auto want = static_cast<uint64_t>(amount);
  const auto at = static_cast<uint64_t>(offset);
  const uint64_t have = at >= m.size ? 0 : std::min(want, m.size - at);
  if (have > 0 && r.read(m, at, have, buf) != Status::ok) return SQLITE_IOERR_READ;
  if (have == want) return SQLITE_OK;
  std::memset(static_cast<uint8_t*>(buf) + have, 0, want - have);
  return SQLITE_IOERR_SHORT_READ;
}

int device_write(sqlite3_file* f, const void* buf, int amount, sqlite3_int64 offset) {
  FileRegion& r = *file_of(f).region;
  if (static_cast<uint64_t>(offset) + static_cast<uint64_t>(amount) > r.capacity()) return SQLITE_FULL;
  return r.write(static_cast<uint64_t>(offset), static_cast<uint64_t>(amount), buf) == Status::ok ? SQLITE_OK
                                                                                               : SQLITE_IOERR_WRITE;
}

int device_truncate(sqlite3_file* f, sqlite3_int64 size) {
  const Status s = file_of(f).region->truncate(static_cast<uint64_t>(size));
  if (s == Status::ok) return SQLITE_OK;
  return s == Status::no_space || s == Status::bad_argument ? SQLITE_FULL : SQLITE_IOERR_TRUNCATE;
}

int device_sync(sqlite3_file* f, int) { return file_of(f).region->sync() == Status::ok ? SQLITE_OK : SQLITE_IOERR_FSYNC; }

int device_size(sqlite3_file* f, sqlite3_int64* size) {
  FileMeta m;
  if (file_of(f).region->meta(&m) != Status::ok) return SQLITE_IOERR_FSTAT;
  *size = static_cast<sqlite3_int64>(m.size);
  return SQLITE_OK;
}

int no_lock(sqlite3_file*, int) { return SQLITE_OK; }
int no_reserved_lock(sqlite3_file*, int* out) {
  *out = 0;
  return SQLITE_OK;
}
int no_file_control(sqlite3_file*, int, void*) { return SQLITE_NOTFOUND; }
int sector_size(sqlite3_file*) { return static_cast<int>(kSectorSize); }
int no_characteristics(sqlite3_file*) { return 0; }

constexpr sqlite3_io_methods kDeviceMethods = {
    1, device_close, device_read, device_write, device_truncate, device_sync, device_size, no_lock, no_lock,
    no_reserved_lock, no_file_control, sector_size, no_characteristics, nullptr, nullptr, nullptr, nullptr,
    nullptr, nullptr};

// ---- heap (temp) files ----

int heap_close(sqlite3_file* f) {
  delete file_of(f).heap;
  file_of(f).heap = nullptr;
  return SQLITE_OK;
}

int heap_read(sqlite3_file* f, void* buf, int amount, sqlite3_int64 offset) {
  const std::vector<uint8_t>& data = *file_of(f).heap;
  const auto want = static_cast<size_t>(amount);
  const auto at = static_cast<size_t>(offset);
  const size_t have = at >= data.size() ? 0 : std::min(want, data.size() - at);
  if (have > 0) std::memcpy(buf, data.data() + at, have);
  if (have == want) return SQLITE_OK;
  std::memset(static_cast<uint8_t*>(buf) + have, 0, want - have);
  return SQLITE_IOERR_SHORT_READ;
}

int heap_write(sqlite3_file* f, const void* buf, int amount, sqlite3_int64 offset) {
  std::vector<uint8_t>& data = *file_of(f).heap;
  const auto end = static_cast<size_t>(offset) + static_cast<size_t>(amount);
  if (data.size() < end) data.resize(end);
  std::memcpy(data.data() + offset, buf, static_cast<size_t>(amount));
  return SQLITE_OK;
}

int heap_truncate(sqlite3_file* f, sqlite3_int64 size) {
  std::vector<uint8_t>& data = *file_of(f).heap;
  if (static_cast<size_t>(size) < data.size()) data.resize(static_cast<size_t>(size));
  return SQLITE_OK;
}

int heap_sync(sqlite3_file*, int) { return SQLITE_OK; }

int heap_size(sqlite3_file* f, sqlite3_int64* size) {
  *size = static_cast<sqlite3_int64>(file_of(f).heap->size());
  return SQLITE_OK;
}

constexpr sqlite3_io_methods kHeapMethods = {
    1, heap_close, heap_read, heap_write, heap_truncate, heap_sync, heap_size, no_lock, no_lock, no_reserved_lock,
    no_file_control, sector_size, no_characteristics, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};

// ---- the VFS ----

int vfs_open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  VfsFile& file = *new (f) VfsFile{{nullptr}, nullptr, nullptr};
  if (out_flags) *out_flags = flags;
  if (name == nullptr) {
    file.heap = new std::vector<uint8_t>();
    file.base.pMethods = &kHeapMethods;
    return SQLITE_OK;
  }
  const auto slot = slot_of(CrashVfs::kMainName, name);
  if (!slot) return SQLITE_CANTOPEN;
  CrashVfs& self = owner(vfs);
  auto region = std::make_unique<FileRegion>(self.disk(), *slot, self.region_sectors());
  FileMeta m;
  if (region->meta(&m) != Status::ok) return SQLITE_IOERR;
  if (!m.exists) {
    if (!(flags & SQLITE_OPEN_CREATE)) return SQLITE_CANTOPEN;
    const Status s = region->create();
    if (s != Status::ok) return s == Status::no_space ? SQLITE_FULL : SQLITE_IOERR_WRITE;
  }
  file.region = region.release();
  file.base.pMethods = &kDeviceMethods;
  return SQLITE_OK;
}

int vfs_delete(sqlite3_vfs* vfs, const char* name, int dir_sync) {
  const auto slot = slot_of(CrashVfs::kMainName, name);
  if (!slot) return SQLITE_IOERR_DELETE_NOENT;
  CrashVfs& self = owner(vfs);
  FileRegion region(self.disk(), *slot, self.region_sectors());
  FileMeta m;
  if (region.meta(&m) != Status::ok) return SQLITE_IOERR_DELETE;
  if (!m.exists) return SQLITE_IOERR_DELETE_NOENT;
  if (region.remove() != Status::ok) return SQLITE_IOERR_DELETE;
  if (dir_sync && region.sync() != Status::ok) return SQLITE_IOERR_DIR_FSYNC;
  return SQLITE_OK;
}

// As the unix VFS: an empty regular file does not "exist" for ACCESS_EXISTS.
int vfs_access(sqlite3_vfs* vfs, const char* name, int flags, int* out) {
  *out = 0;
  const auto slot = slot_of(CrashVfs::kMainName, name);
  if (!slot) return SQLITE_OK;
  CrashVfs& self = owner(vfs);
  FileMeta m;
  if (FileRegion(self.disk(), *slot, self.region_sectors()).meta(&m) != Status::ok) return SQLITE_IOERR_ACCESS;
  *out = m.exists && (flags != SQLITE_ACCESS_EXISTS || m.size > 0);
  return SQLITE_OK;
}

int vfs_full_pathname(sqlite3_vfs*, const char* name, int n, char* out) {
  sqlite3_snprintf(n, out, "%s", name);
  return SQLITE_OK;
}

void* vfs_dl_open(sqlite3_vfs*, const char*) { return nullptr; }
void vfs_dl_error(sqlite3_vfs*, int n, char* out) { sqlite3_snprintf(n, out, "no extensions on the crash-model VFS"); }
void (*vfs_dl_sym(sqlite3_vfs*, void*, const char*))(void) { return nullptr; }
void vfs_dl_close(sqlite3_vfs*, void*) {}

int vfs_randomness(sqlite3_vfs* vfs, int n, char* out) {
  for (int i = 0; i < n; ++i) out[i] = static_cast<char>(owner(vfs).prng().next());
  return n;
}

int vfs_sleep(sqlite3_vfs*, int micros) { return micros; }

int vfs_current_time(sqlite3_vfs*, double* now) {
  *now = 2461000.5;  // a fixed Julian day: nothing stored depends on the clock
  return SQLITE_OK;
}

int vfs_last_error(sqlite3_vfs*, int, char*) { return 0; }

std::atomic<uint64_t> next_vfs_number{0};

}  // namespace

CrashVfs::CrashVfs(BlockDevice& disk, uint64_t region_sectors, uint64_t seed)
    : disk_(&disk), region_sectors_(region_sectors), prng_(seed),
      name_("stablecut-crash-" + std::to_string(next_vfs_number++)) {
  vfs_.iVersion = 1;
  vfs_.szOsFile = sizeof(VfsFile);
  vfs_.mxPathname = 512;
  vfs_.zName = name_.c_str();
  vfs_.pAppData = this;
  vfs_.xOpen = vfs_open;
  vfs_.xDelete = vfs_delete;
  vfs_.xAccess = vfs_access;
  vfs_.xFullPathname = vfs_full_pathname;
  vfs_.xDlOpen = vfs_dl_open;
  vfs_.xDlError = vfs_dl_error;
  vfs_.xDlSym = vfs_dl_sym;
  vfs_.xDlClose = vfs_dl_close;
  vfs_.xRandomness = vfs_randomness;
  vfs_.xSleep = vfs_sleep;
  vfs_.xCurrentTime = vfs_current_time;
  vfs_.xGetLastError = vfs_last_error;
  sqlite3_vfs_register(&vfs_, 0);
}

CrashVfs::~CrashVfs() { sqlite3_vfs_unregister(&vfs_); }

}  // namespace sc::sqlite

// guard_disk.cpp — see guard_disk.h.
#include "fuzz/guard_disk.h"

#include <cstdio>
#include <cstdlib>

#include "kernel/core/root_store.h"

namespace sc::fuzz {

Status GuardDisk::write(uint64_t sector, uint32_t count, const void* buf, bool fua) {
  if (sector < kKernelAreaSectors && disk_.phase() != Phase::ROOT_COPY) {
    std::fprintf(stderr, "fuzz_syscalls: kernel area sector %llu written in phase %s\n",
                 static_cast<unsigned long long>(sector), phase_name(disk_.phase()));
    std::abort();
  }
  if (confined_ && (sector < start_ || sector + count > start_ + sectors_)) {
    std::fprintf(stderr, "fuzz_syscalls: sys_disk_write wrote sectors %llu+%u outside the caller's partition\n",
                 static_cast<unsigned long long>(sector), count);
    std::abort();
  }
  return disk_.write(sector, count, buf, fua);
}

}  // namespace sc::fuzz

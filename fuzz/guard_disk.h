// guard_disk.h — a MemDisk that checks where the kernel writes, for
// fuzz_syscalls. Invariants checked on every write (a violation aborts with
// a one-line reason): the kernel area [0, kKernelAreaSectors) is written
// only in phase ROOT_COPY (root copies and the cut record); while a
// manager's sys_disk_write is in progress (confine()), writes stay inside
// that manager's partition.
#pragma once
#include <cstdint>

#include "kernel/core/block_device.h"
#include "kernel/hosted/mem_disk.h"

namespace sc::fuzz {

class GuardDisk final : public BlockDevice {
 public:
  explicit GuardDisk(uint64_t sectors) : disk_(sectors) {}

  uint64_t sector_count() const override { return disk_.sector_count(); }
  Status read(uint64_t sector, uint32_t count, void* buf) override { return disk_.read(sector, count, buf); }
  Status write(uint64_t sector, uint32_t count, const void* buf, bool fua) override;
  Status flush() override { return disk_.flush(); }
  void set_phase(Phase phase) override { disk_.set_phase(phase); }

  // Until release(), every write must lie in [start, start + sectors).
  void confine(uint64_t start, uint64_t sectors) {
    confined_ = true;
    start_ = start;
    sectors_ = sectors;
  }
  void release() { confined_ = false; }
  void crash() { disk_.crash(); }

 private:
  MemDisk disk_;
  bool confined_ = false;
  uint64_t start_ = 0;
  uint64_t sectors_ = 0;
};

}  // namespace sc::fuzz

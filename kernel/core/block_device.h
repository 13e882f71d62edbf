// block_device.h — the disk as the kernel core sees it: 512-byte sectors,
// write-back semantics. This is the seam where the crash model plugs in.
//
// Contract (DESIGN.md §4): a write() may be acknowledged before it is durable;
// flush() makes every previously acknowledged write durable; a write with
// fua=true is durable when it returns. set_phase() tags every later request
// with the protocol phase it is issued in; it is totally ordered with the
// requests (the QEMU tier carries it through the device itself).
#pragma once
#include <stdint.h>

#include "phase.h"
#include "status.h"

namespace sc {

constexpr uint32_t kSectorSize = 512;

class BlockDevice {
 public:
  virtual uint64_t sector_count() const = 0;
  virtual Status read(uint64_t sector, uint32_t count, void* buf) = 0;
  virtual Status write(uint64_t sector, uint32_t count, const void* buf, bool fua) = 0;
  virtual Status flush() = 0;
  virtual void set_phase(Phase phase) = 0;

 protected:
  // Not deleted through this interface; non-virtual so the freestanding
  // build needs no operator delete.
  ~BlockDevice() = default;
};

}  // namespace sc

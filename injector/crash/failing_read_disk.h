// failing_read_disk.h — the read-error fault class (crash_model.h, FAULT
// CLASSES) in-process: a BlockDevice decorator whose reads fail with
// Status::io_error whenever they touch one of a set of sectors (a latent
// sector error); every other request goes to the wrapped disk unchanged.
// read_error_sectors() lists the sectors a state's read-error faults name,
// the one place both tiers take them from (the QEMU tier hands the same list
// to the nbdkit plugin, which answers those reads with an NBD error).
// Invariant: a failed read leaves the caller's buffer untouched; with no
// failing sectors the decorator is transparent.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "crash_model.h"
#include "kernel/core/block_device.h"

namespace sc::crash {

// The sectors of the read-error faults in `faults`, sorted, without repeats.
std::vector<uint64_t> read_error_sectors(std::span<const Fault> faults);

// True if [sector, sector + count) holds one of `sorted` (sorted ascending).
bool touches_any(std::span<const uint64_t> sorted, uint64_t sector, uint64_t count);

class FailingReadDisk final : public BlockDevice {
 public:
  FailingReadDisk(BlockDevice& disk, std::vector<uint64_t> failing)
      : disk_(disk), failing_(std::move(failing)) {}

  uint64_t sector_count() const override { return disk_.sector_count(); }
  Status read(uint64_t sector, uint32_t count, void* buf) override;
  Status write(uint64_t sector, uint32_t count, const void* buf, bool fua) override {
    return disk_.write(sector, count, buf, fua);
  }
  Status flush() override { return disk_.flush(); }
  void set_phase(Phase phase) override { disk_.set_phase(phase); }

 private:
  BlockDevice& disk_;
  std::vector<uint64_t> failing_;  // sorted
};

}  // namespace sc::crash

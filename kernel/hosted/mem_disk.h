// mem_disk.h — an in-memory write-back disk for the in-process tier when no
// crash model is attached. It keeps two images: what the running system
// sees (volatile) and what survives power loss (durable). write() updates
// the volatile image; flush() and FUA writes make data durable;
// crash() throws away everything not durable ("clean crash"). Out-of-range
// requests are Status::bad_argument.
#pragma once
#include <cstdint>
#include <set>
#include <vector>

#include "kernel/core/block_device.h"

namespace sc {

class MemDisk final : public BlockDevice {
 public:
  explicit MemDisk(uint64_t sectors);

  uint64_t sector_count() const override { return sectors_; }
  Status read(uint64_t sector, uint32_t count, void* buf) override;
  Status write(uint64_t sector, uint32_t count, const void* buf, bool fua) override;
  Status flush() override;
  void set_phase(Phase phase) override { phase_ = phase; }

  void crash();
  Phase phase() const { return phase_; }
  uint64_t writes() const { return writes_; }
  uint64_t flushes() const { return flushes_; }

 private:
  bool in_range(uint64_t sector, uint32_t count) const;

  uint64_t sectors_;
  std::vector<uint8_t> volatile_;
  std::vector<uint8_t> durable_;
  std::set<uint64_t> pending_;  // sectors written but not yet durable
  Phase phase_ = Phase::RUN;
  uint64_t writes_ = 0;
  uint64_t flushes_ = 0;
};

}  // namespace sc

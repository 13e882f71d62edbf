// image_disk.h — a BlockDevice over a whole disk image held in memory, for
// booting recovery on a patched image. Every write is durable at once (the
// image is the media); out-of-range requests are Status::bad_argument.
// Interface: bytes() exposes the image for patching and for comparison.
#pragma once
#include <cstdint>
#include <vector>

#include "kernel/core/block_device.h"

namespace sc::fuzz {

class ImageDisk final : public BlockDevice {
 public:
  explicit ImageDisk(std::vector<uint8_t> image) : image_(std::move(image)) {}

  uint64_t sector_count() const override { return image_.size() / kSectorSize; }
  Status read(uint64_t sector, uint32_t count, void* buf) override;
  Status write(uint64_t sector, uint32_t count, const void* buf, bool fua) override;
  Status flush() override { return Status::ok; }
  void set_phase(Phase) override {}

  std::vector<uint8_t>& bytes() { return image_; }

 private:
  bool in_range(uint64_t sector, uint32_t count) const;

  std::vector<uint8_t> image_;
};

}  // namespace sc::fuzz

// overlay_disk.h — a crash image as a BlockDevice, for recovery to boot on.
// Reads go copy-on-write layer -> ImageView (delta -> durable -> base -> zeros);
// writes go to a private copy-on-write layer, so recovery may write without
// touching the shared layers. flush() and set_phase() have nothing to do.
// note_reads() logs the first sector and count of every read served, so a
// caller learns which sectors recovery reads (read-error draws its failing
// sectors from them: injector/check/read_error_explore.h); sectors_of() turns
// that log into the sectors read, sorted and distinct.
// Invariants: out-of-range requests return Status::bad_argument and touch
// nothing; the ImageView's layers must outlive this disk (for an enumerator
// state: until the enumerator's next()).
#pragma once
#include <cstdint>
#include <vector>

#include "crash_image.h"
#include "kernel/core/block_device.h"
#include "sector_map.h"

namespace sc::crash {

class OverlayDisk final : public BlockDevice {
 public:
  explicit OverlayDisk(const ImageView& image) : image_(image) {}

  uint64_t sector_count() const override { return image_.sector_count(); }
  Status read(uint64_t sector, uint32_t count, void* buf) override;
  Status write(uint64_t sector, uint32_t count, const void* buf, bool fua) override;
  Status flush() override { return Status::ok; }
  void set_phase(Phase) override {}

  // Sectors recovery has written.
  const SectorMap& written() const { return cow_; }

  struct ReadSpan {
    uint64_t sector;
    uint32_t count;
  };
  void note_reads(std::vector<ReadSpan>* log) { read_log_ = log; }

 private:
  bool in_range(uint64_t sector, uint32_t count) const;

  ImageView image_;
  SectorMap cow_;
  std::vector<ReadSpan>* read_log_ = nullptr;
};

std::vector<uint64_t> sectors_of(const std::vector<OverlayDisk::ReadSpan>& reads);
void append_first_reads(const std::vector<OverlayDisk::ReadSpan>& reads, std::vector<uint64_t>& out);

}  // namespace sc::crash

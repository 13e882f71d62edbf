// trace.h — the request log of one run: what the system under test sent to
// its disk, with the write data, over a base image.
// Interface: append_write()/append_flush() build it (RecordingDisk and the
// trace-file loader do); requests(), payload(), write_data() read it.
// Invariants: every write lies inside [0, sector_count); its data is
// count * 512 bytes at payload_offset; base sectors are < sector_count.
// A cut index runs over 0..requests().size() inclusive (see crash_model.h).
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "crash_model.h"
#include "kernel/core/status.h"
#include "sector_map.h"

namespace sc::crash {

class Trace {
 public:
  // An empty trace over an all-zero disk of `sector_count` sectors.
  explicit Trace(uint64_t sector_count);
  // An empty trace over `base`; throws std::invalid_argument if a base
  // sector is out of range.
  Trace(uint64_t sector_count, SectorMap base);

  uint64_t sector_count() const { return sector_count_; }
  const SectorMap& base() const { return base_; }
  std::span<const Request> requests() const { return requests_; }
  std::span<const uint8_t> payload() const { return payload_; }
  size_t cut_count() const { return requests_.size() + 1; }

  // Data of write request `r` (count * 512 bytes).
  const uint8_t* write_data(const Request& r) const { return payload_.data() + r.payload_offset; }
  // Base content of `sector`, or nullptr if it is zeros.
  const uint8_t* base_sector(uint64_t sector) const { return base_.find(sector); }

  bool in_range(uint64_t sector, uint64_t count) const;
  Status append_write(uint64_t sector, uint32_t count, const void* data, bool fua, Phase phase);
  void append_flush(Phase phase);
  // Room for `bytes` of written data before the payload has to grow.
  void reserve_payload(uint64_t bytes) { payload_.reserve(bytes); }

 private:
  uint64_t sector_count_;
  SectorMap base_;
  std::vector<Request> requests_;
  std::vector<uint8_t> payload_;
};

}  // namespace sc::crash

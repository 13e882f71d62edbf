// sector_map.h — a sparse image layer: sector number -> 512 bytes it owns.
// Used for base images (absent sectors read as zeros), the copy-on-write
// layer of OverlayDisk, and flattened crash images.
// Interface: find() (nullptr if absent), put() (insert or overwrite),
// sectors() in increasing order. Invariant: data for each present sector is
// exactly kSectorSize bytes; pointers from find() stay valid until the next put().
#pragma once
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "kernel/core/block_device.h"

namespace sc::crash {

class SectorMap {
 public:
  const uint8_t* find(uint64_t sector) const;
  void put(uint64_t sector, const uint8_t* data);
  size_t size() const { return slot_of_.size(); }
  bool empty() const { return slot_of_.empty(); }
  std::vector<uint64_t> sectors() const;

 private:
  std::unordered_map<uint64_t, size_t> slot_of_;
  std::vector<uint8_t> data_;
};

}  // namespace sc::crash

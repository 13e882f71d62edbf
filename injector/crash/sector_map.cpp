// sector_map.cpp — see sector_map.h.
#include "sector_map.h"

#include <algorithm>
#include <cstring>

namespace sc::crash {

const uint8_t* SectorMap::find(uint64_t sector) const {
  const auto it = slot_of_.find(sector);
  return it == slot_of_.end() ? nullptr : data_.data() + it->second * kSectorSize;
}

void SectorMap::put(uint64_t sector, const uint8_t* data) {
  const auto [it, inserted] = slot_of_.try_emplace(sector, slot_of_.size());
  if (inserted) data_.resize(data_.size() + kSectorSize);
  std::memcpy(data_.data() + it->second * kSectorSize, data, kSectorSize);
}

std::vector<uint64_t> SectorMap::sectors() const {
  std::vector<uint64_t> out;
  out.reserve(slot_of_.size());
  for (const auto& entry : slot_of_) out.push_back(entry.first);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace sc::crash

// overlay_disk.cpp — see overlay_disk.h.
#include "overlay_disk.h"

#include <algorithm>
#include <cstring>
#include <unordered_set>

namespace sc::crash {

bool OverlayDisk::in_range(uint64_t sector, uint32_t count) const {
  return sector <= sector_count() && count <= sector_count() - sector;
}

Status OverlayDisk::read(uint64_t sector, uint32_t count, void* buf) {
  if (!in_range(sector, count) || (count > 0 && buf == nullptr)) return Status::bad_argument;
  if (read_log_ != nullptr) read_log_->push_back(ReadSpan{sector, count});
  auto* out = static_cast<uint8_t*>(buf);
  for (uint32_t j = 0; j < count; ++j, out += kSectorSize) {
    if (const uint8_t* mine = cow_.find(sector + j))
      std::memcpy(out, mine, kSectorSize);
    else
      image_.read_sector(sector + j, out);
  }
  return Status::ok;
}

Status OverlayDisk::write(uint64_t sector, uint32_t count, const void* buf, bool) {
  if (!in_range(sector, count) || (count > 0 && buf == nullptr)) return Status::bad_argument;
  const auto* in = static_cast<const uint8_t*>(buf);
  for (uint32_t j = 0; j < count; ++j) cow_.put(sector + j, in + uint64_t{j} * kSectorSize);
  return Status::ok;
}

std::vector<uint64_t> sectors_of(const std::vector<OverlayDisk::ReadSpan>& reads) {
  std::vector<uint64_t> sectors;
  for (const auto& r : reads)
    for (uint32_t j = 0; j < r.count; ++j) sectors.push_back(r.sector + j);
  std::sort(sectors.begin(), sectors.end());
  sectors.erase(std::unique(sectors.begin(), sectors.end()), sectors.end());
  return sectors;
}

void append_first_reads(const std::vector<OverlayDisk::ReadSpan>& reads, std::vector<uint64_t>& out) {
  std::unordered_set<uint64_t> seen;
  for (const auto& r : reads)
    for (uint32_t j = 0; j < r.count; ++j)
      if (seen.insert(r.sector + j).second) out.push_back(r.sector + j);
}

}  // namespace sc::crash

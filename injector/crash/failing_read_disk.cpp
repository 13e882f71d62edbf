// failing_read_disk.cpp — see failing_read_disk.h.
#include "failing_read_disk.h"

#include <algorithm>

namespace sc::crash {

std::vector<uint64_t> read_error_sectors(std::span<const Fault> faults) {
  std::vector<uint64_t> sectors;
  for (const Fault& f : faults)
    if (f.kind == Mode::read_error) sectors.push_back(f.sector);
  std::sort(sectors.begin(), sectors.end());
  sectors.erase(std::unique(sectors.begin(), sectors.end()), sectors.end());
  return sectors;
}

bool touches_any(std::span<const uint64_t> sorted, uint64_t sector, uint64_t count) {
  const auto first = std::lower_bound(sorted.begin(), sorted.end(), sector);
  return first != sorted.end() && *first - sector < count;
}

Status FailingReadDisk::read(uint64_t sector, uint32_t count, void* buf) {
  if (touches_any(failing_, sector, count)) return Status::io_error;
  return disk_.read(sector, count, buf);
}

}  // namespace sc::crash

// image_disk.cpp — see image_disk.h.
#include "fuzz/image_disk.h"

#include <cstring>

namespace sc::fuzz {

bool ImageDisk::in_range(uint64_t sector, uint32_t count) const {
  return sector <= sector_count() && count <= sector_count() - sector;
}

Status ImageDisk::read(uint64_t sector, uint32_t count, void* buf) {
  if (!in_range(sector, count)) return Status::bad_argument;
  std::memcpy(buf, image_.data() + sector * kSectorSize, size_t{count} * kSectorSize);
  return Status::ok;
}

Status ImageDisk::write(uint64_t sector, uint32_t count, const void* buf, bool) {
  if (!in_range(sector, count)) return Status::bad_argument;
  std::memcpy(image_.data() + sector * kSectorSize, buf, size_t{count} * kSectorSize);
  return Status::ok;
}

}  // namespace sc::fuzz

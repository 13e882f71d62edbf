// mem_disk.cpp — see mem_disk.h.
#include "kernel/hosted/mem_disk.h"

#include <cstring>

namespace sc {

MemDisk::MemDisk(uint64_t sectors)
    : sectors_(sectors), volatile_(sectors * kSectorSize), durable_(sectors * kSectorSize) {}

bool MemDisk::in_range(uint64_t sector, uint32_t count) const {
  return count > 0 && sector < sectors_ && count <= sectors_ - sector;
}

Status MemDisk::read(uint64_t sector, uint32_t count, void* buf) {
  if (!in_range(sector, count)) return Status::bad_argument;
  std::memcpy(buf, volatile_.data() + sector * kSectorSize, uint64_t{count} * kSectorSize);
  return Status::ok;
}

Status MemDisk::write(uint64_t sector, uint32_t count, const void* buf, bool fua) {
  if (!in_range(sector, count)) return Status::bad_argument;
  ++writes_;
  const uint64_t offset = sector * kSectorSize;
  const uint64_t bytes = uint64_t{count} * kSectorSize;
  std::memcpy(volatile_.data() + offset, buf, bytes);
  for (uint64_t s = sector; s < sector + count; ++s) {
    if (fua) {
      std::memcpy(durable_.data() + s * kSectorSize, volatile_.data() + s * kSectorSize, kSectorSize);
      pending_.erase(s);
    } else {
      pending_.insert(s);
    }
  }
  return Status::ok;
}

Status MemDisk::flush() {
  ++flushes_;
  for (uint64_t s : pending_)
    std::memcpy(durable_.data() + s * kSectorSize, volatile_.data() + s * kSectorSize, kSectorSize);
  pending_.clear();
  return Status::ok;
}

void MemDisk::crash() {
  for (uint64_t s : pending_)
    std::memcpy(volatile_.data() + s * kSectorSize, durable_.data() + s * kSectorSize, kSectorSize);
  pending_.clear();
}

}  // namespace sc

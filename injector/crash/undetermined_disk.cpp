// undetermined_disk.cpp — see undetermined_disk.h.
#include "undetermined_disk.h"

#include <cstring>

namespace sc::crash {

bool UndeterminedDisk::in_range(uint64_t sector, uint32_t count) const {
  return sector <= sector_count() && count <= sector_count() - sector;
}

const uint8_t* UndeterminedDisk::content(uint64_t sector) {
  const Trace& trace = durable_.trace();
  for (const CutVariables::Source& s : variables_.sources(sector))
    if (path_.value(s.variable)) return trace.payload().data() + s.payload_sector * kSectorSize;
  if (const DurableEntry* d = durable_.find(sector)) return trace.payload().data() + d->payload_sector * kSectorSize;
  return trace.base_sector(sector);
}

Status UndeterminedDisk::read(uint64_t sector, uint32_t count, void* buf) {
  if (!in_range(sector, count) || (count > 0 && buf == nullptr)) return Status::bad_argument;
  auto* out = static_cast<uint8_t*>(buf);
  for (uint32_t j = 0; j < count; ++j, out += kSectorSize) {
    const uint8_t* data = cow_.find(sector + j);
    if (data == nullptr) data = content(sector + j);
    if (data)
      std::memcpy(out, data, kSectorSize);
    else
      std::memset(out, 0, kSectorSize);
  }
  return Status::ok;
}

Status UndeterminedDisk::write(uint64_t sector, uint32_t count, const void* buf, bool) {
  if (!in_range(sector, count) || (count > 0 && buf == nullptr)) return Status::bad_argument;
  const auto* in = static_cast<const uint8_t*>(buf);
  for (uint32_t j = 0; j < count; ++j) cow_.put(sector + j, in + uint64_t{j} * kSectorSize);
  return Status::ok;
}

}  // namespace sc::crash

// trace.cpp — see trace.h.
#include "trace.h"

#include <stdexcept>

namespace sc::crash {

Trace::Trace(uint64_t sector_count) : sector_count_(sector_count) {}

Trace::Trace(uint64_t sector_count, SectorMap base)
    : sector_count_(sector_count), base_(std::move(base)) {
  for (const uint64_t s : base_.sectors())
    if (s >= sector_count_) throw std::invalid_argument("base sector out of range");
}

bool Trace::in_range(uint64_t sector, uint64_t count) const {
  return sector <= sector_count_ && count <= sector_count_ - sector;
}

Status Trace::append_write(uint64_t sector, uint32_t count, const void* data, bool fua,
                           Phase phase) {
  if (count == 0 || !in_range(sector, count) || data == nullptr) return Status::bad_argument;
  const auto* bytes = static_cast<const uint8_t*>(data);
  requests_.push_back({Kind::write, sector, count, fua, phase, payload_.size()});
  payload_.insert(payload_.end(), bytes, bytes + uint64_t{count} * kSectorSize);
  return Status::ok;
}

void Trace::append_flush(Phase phase) { requests_.push_back({Kind::flush, 0, 0, false, phase, 0}); }

}  // namespace sc::crash

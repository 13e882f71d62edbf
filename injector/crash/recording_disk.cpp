// recording_disk.cpp — see recording_disk.h.
#include "recording_disk.h"

#include <algorithm>
#include <cstring>

#include "sector_hash.h"

namespace sc::crash {

Status RecordingDisk::read(uint64_t sector, uint32_t count, void* buf) {
  if (!trace_.in_range(sector, count) || (count > 0 && buf == nullptr)) return Status::bad_argument;
  auto* out = static_cast<uint8_t*>(buf);
  for (uint32_t j = 0; j < count; ++j, out += kSectorSize) {
    const auto it = newest_.find(sector + j);
    const uint8_t* data = it != newest_.end() ? trace_.payload().data() + it->second * kSectorSize
                                              : trace_.base_sector(sector + j);
    if (data)
      std::memcpy(out, data, kSectorSize);
    else
      std::memset(out, 0, kSectorSize);
  }
  return Status::ok;
}

Status RecordingDisk::write(uint64_t sector, uint32_t count, const void* buf, bool fua) {
  if (!trace_.in_range(sector, count) || (count > 0 && buf == nullptr)) return Status::bad_argument;
  if (fails_now()) {
    if (fail_lands_) record_write(sector, count, buf, fua);
    return Status::io_error;
  }
  return record_write(sector, count, buf, fua);
}

Status RecordingDisk::record_write(uint64_t sector, uint32_t count, const void* buf, bool fua) {
  const Status status = trace_.append_write(sector, count, buf, fua, phase_);
  if (failed(status)) return status;
  const Request& r = trace_.requests().back();
  for (uint32_t j = 0; j < count; ++j) newest_[sector + j] = payload_sector(r, j);
  return Status::ok;
}

Status RecordingDisk::flush() {
  if (fails_now()) return Status::io_error;
  trace_.append_flush(phase_);
  return Status::ok;
}

size_t RecordingDisk::cut() const {
  const size_t now = trace_.requests().size();
  return frozen_at_ ? std::min(*frozen_at_, now) : now;
}

CrashImage RecordingDisk::durable_image() const {
  return build_crash_image(trace_, CrashState{cut(), Mode::prefix, {}, {}});
}

}  // namespace sc::crash

// channel_sectors.h — sectors the DiskModel tests write: a host-channel
// control record of a given kind (kernel/abi/host_channel.h), and a data
// sector filled with one byte value.
#pragma once
#include <array>
#include <cstdint>
#include <cstring>

#include "injector/nbdkit/disk_model.h"

namespace sc::nbd::test {

inline std::array<uint8_t, kSectorSize> record(uint32_t kind, uint64_t a0 = 0) {
  std::array<uint8_t, kSectorSize> bytes{};
  const rv::channel::Record r{rv::channel::kMagic, kind, {a0}};
  std::memcpy(bytes.data(), &r, sizeof r);
  return bytes;
}

inline std::array<uint8_t, kSectorSize> sector_of(uint8_t value) {
  std::array<uint8_t, kSectorSize> s;
  s.fill(value);
  return s;
}

}  // namespace sc::nbd::test

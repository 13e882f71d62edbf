// sector_hash.cpp — see sector_hash.h.
#include "sector_hash.h"

#include <algorithm>
#include <cstring>
#include <span>

#include "kernel/core/checksum.h"

namespace sc::crash {

namespace {
// All zero iff the first byte is and every byte equals the one before it:
// one libc memcmp instead of a byte loop (which ran unvectorised under ASan).
bool is_zero(const uint8_t* content) {
  return content[0] == 0 && std::memcmp(content, content + 1, kSectorSize - 1) == 0;
}
}  // namespace

uint64_t sector_hash(uint64_t sector, const uint8_t* content) {
  return mix64(checksum64(content, kSectorSize) ^ mix64(sector));
}

uint64_t sector_contribution(const Trace& trace, uint64_t sector, const uint8_t* content) {
  const uint8_t* base = trace.base_sector(sector);
  const bool same = base ? std::memcmp(base, content, kSectorSize) == 0 : is_zero(content);
  return same ? 0 : sector_hash(sector, content);
}

// The payload holds the writes in request order, so the first `requests`
// requests' sectors are a prefix of it.
TraceHashes::TraceHashes(const Trace& trace, size_t requests) {
  const std::span<const Request> all = trace.requests();
  const std::span<const Request> counted = all.first(std::min(requests, all.size()));
  uint64_t sectors = 0;
  for (const Request& r : counted)
    if (r.kind == Kind::write) sectors = payload_sector(r, r.count);
  contribution_.resize(sectors);
  for (const Request& r : counted) {
    if (r.kind != Kind::write) continue;
    for (uint32_t j = 0; j < r.count; ++j)
      contribution_[payload_sector(r, j)] =
          sector_contribution(trace, r.sector + j, trace.write_data(r) + uint64_t{j} * kSectorSize);
  }
}

}  // namespace sc::crash

// checksum.cpp — see checksum.h.
#include "checksum.h"

#include "bytes.h"

namespace sc {

uint64_t mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Four independent lanes over 32-byte strides, so the multiplies of
// consecutive words overlap instead of forming one serial chain.
// Not instrumented for coverage: its loops take the same branches for any
// data, and libFuzzer's comparison callback on every word of every hashed
// page was a tenth of a fuzz input's time.
__attribute__((no_sanitize("coverage"))) uint64_t checksum64(const void* data, size_t n, uint64_t seed) {
  const auto* p = static_cast<const uint8_t*>(data);
  constexpr uint64_t kMul = 0xff51afd7ed558ccdULL;
  uint64_t lane[4] = {mix64(seed ^ (n * 0x9e3779b97f4a7c15ULL)), mix64(seed + 1), mix64(seed + 2), mix64(seed + 3)};
  size_t i = 0;
  for (; i + 32 <= n; i += 32)
    for (int l = 0; l < 4; ++l) lane[l] = (lane[l] ^ load_u64(p + i + 8 * l)) * kMul + (lane[l] >> 29);
  uint64_t h = lane[0] ^ mix64(lane[1]) ^ mix64(lane[2] + 1) ^ mix64(lane[3] + 2);
  for (; i + 8 <= n; i += 8) h = (h ^ load_u64(p + i)) * kMul + (h >> 29);
  uint64_t tail = 0;
  for (size_t j = 0; i + j < n; ++j) tail |= static_cast<uint64_t>(p[i + j]) << (8 * j);
  return mix64(h ^ tail);
}

}  // namespace sc

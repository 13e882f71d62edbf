// uuid.cpp — see uuid.h. std::random_device, not the seeded PRNG: an
// identity must differ between runs that share a seed.
#include "uuid.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <random>

namespace sc::results {

std::string new_uuid() {
  std::random_device rd;
  std::array<std::uint32_t, 4> w{rd(), rd(), rd(), rd()};
  w[1] = (w[1] & 0xffff0fffU) | 0x00004000U;  // version 4
  w[2] = (w[2] & 0x3fffffffU) | 0x80000000U;  // variant 10
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:04x}{:08x}", w[0], w[1] >> 16, w[1] & 0xffffU, w[2] >> 16,
                     w[2] & 0xffffU, w[3]);
}

}  // namespace sc::results

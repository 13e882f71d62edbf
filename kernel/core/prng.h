// prng.h — the one seeded pseudo-random generator of the project.
// Every random choice (scheduling interleavings, crash-state sampling, workload
// mutation) comes from a Prng seeded from a logged seed, so every run replays.
// xoshiro256** seeded through splitmix64; platform-free (kernel core builds it).
#pragma once
#include <stdint.h>

namespace sc {

__extension__ typedef unsigned __int128 uint128;

class Prng {
 public:
  explicit Prng(uint64_t seed) { reseed(seed); }

  void reseed(uint64_t seed) {
    for (auto& word : s_) {
      seed += 0x9e3779b97f4a7c15ULL;
      uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      word = z ^ (z >> 31);
    }
  }

  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, bound); bound must be > 0. Lemire's multiply-shift with
  // rejection, so there is no modulo bias.
  uint64_t below(uint64_t bound) {
    for (;;) {
      const uint128 m = static_cast<uint128>(next()) * bound;
      const auto low = static_cast<uint64_t>(m);
      if (low >= (0 - bound) % bound) return static_cast<uint64_t>(m >> 64);
    }
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace sc

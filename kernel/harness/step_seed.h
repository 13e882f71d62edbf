// step_seed.h — the seed of the locus scheduler of run step `index` of a
// workload with seed `seed`, the same in both tiers.
// Invariant: a pure function of (seed, index); changing it changes every
// recorded trace of a workload with more than one locus.
#pragma once
#include <stdint.h>

#include "kernel/core/checksum.h"

namespace sc {

inline uint64_t step_seed(uint64_t seed, uint64_t index) { return mix64(seed ^ mix64(index)); }

}  // namespace sc

// page_fill.h — the content a workload write stores: a whole page derived
// from one 64-bit value, so workloads stay small and the oracle can compute
// the expected content hash without storing pages. Platform-free; both
// tiers (and the guest's U-mode loci) call this one copy.
// Invariant: fill_page(v) is a pure function of v; changing it changes every
// recorded trace.
#pragma once
#include <stdint.h>

namespace sc {

void fill_page(uint64_t value, uint8_t* page);

}  // namespace sc

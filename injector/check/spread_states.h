// spread_states.h — at most `limit` crash states, spread evenly over the
// whole enumeration: of N states, every one if N <= limit, else those at
// indices i * N / limit for i < limit. It enumerates twice (to count, then
// to pick), so memory holds the picked states only, never the whole
// enumeration. Tiers whose checks are expensive (QEMU) explore these.
#pragma once
#include <cstdint>
#include <vector>

#include "injector/crash/enumerator.h"

namespace sc {

std::vector<crash::CrashState> spread_states(const crash::Trace& trace, const crash::EnumeratorOptions& options,
                                             uint64_t limit);

}  // namespace sc

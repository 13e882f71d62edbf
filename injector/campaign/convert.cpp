// convert.cpp — see convert.h.
#include "injector/campaign/convert.h"

namespace sc::campaign {

uint64_t check_us_per_state(const ExploreResult& r) {
  const double check_seconds = r.seconds - r.enumerate_seconds;
  return r.states ? static_cast<uint64_t>(check_seconds * 1e6 / static_cast<double>(r.states)) : 0;
}

std::vector<results::OutcomeCount> outcome_counts(const ExploreResult& r) {
  std::vector<results::OutcomeCount> out;
  const uint64_t us_per_state = check_us_per_state(r);
  for (int o = 0; o < kOutcomeCount; ++o)
    for (int p = 0; p < kPhaseCount; ++p)
      for (size_t k = 0; k < crash::kModeCount; ++k) {
        const uint64_t n = r.counts[static_cast<size_t>(o)][static_cast<size_t>(p)][k];
        if (n == 0) continue;
        out.push_back({static_cast<Phase>(p), static_cast<crash::Mode>(k), static_cast<Outcome>(o), n,
                       us_per_state * n,
                       r.fsck_violations[static_cast<size_t>(o)][static_cast<size_t>(p)][k]});
      }
  return out;
}

}  // namespace sc::campaign

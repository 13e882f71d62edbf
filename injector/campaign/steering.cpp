// steering.cpp — see steering.h.
#include "injector/campaign/steering.h"

namespace sc::campaign {

uint64_t generation_of(size_t corpus_size, uint64_t index) {
  return index < corpus_size ? 0 : 1 + (index - corpus_size) / kGenerationSize;
}

std::vector<uint64_t> generation_indices(size_t corpus_size, const Steering& s, uint64_t g) {
  const uint64_t first = g == 0 ? 0 : corpus_size + (g - 1) * kGenerationSize;
  const uint64_t end = g == 0 ? corpus_size : first + kGenerationSize;
  std::vector<uint64_t> out;
  for (uint64_t i = first; i < end && i < s.max_workloads; ++i)
    if (i % s.shard_count == s.shard_index) out.push_back(i);
  return out;
}

std::vector<uint64_t> steered_parents(size_t corpus_size, const Steering& s, uint64_t g) {
  std::vector<uint64_t> out;
  if (!s.enabled) return out;
  auto it = s.promoted.lower_bound(g);
  for (size_t taken = 0; it != s.promoted.begin() && taken < kSteerWindow; ++taken) {
    --it;
    const auto indices = generation_indices(corpus_size, s, *it);
    out.insert(out.end(), indices.begin(), indices.end());
  }
  return out;
}

}  // namespace sc::campaign

// steering.h — coverage steering of a campaign's mutations, in generations.
//
// A campaign's workloads come in generations: generation 0 is the corpus
// (indices 0..n-1), generation g >= 1 the kGenerationSize mutation indices
// n + (g-1)*kGenerationSize .. n + g*kGenerationSize - 1 (of this shard:
// index % shard_count == shard_index). A generation is *promoted* when,
// once all its workloads were checked, the campaign's coverage had edges
// that no earlier generation had reached. With steering on, a mutation of
// generation g takes, with probability 3/4, a parent among the workloads of
// the newest kSteerWindow promoted generations < g (otherwise, and when
// none is promoted, its corpus parent as without steering).
//
// Why generations: the coverage counters are process-global and shared by
// --jobs threads, so no single workload's new edges can be told apart; a
// finished generation's are exact. Generation g starts only after every
// generation < g has finished, so g's workloads are a pure function of
// (corpus, seed, index, promoted generations < g): a rerun and any --jobs
// agree, and a resume reads the promoted generations back from the
// database. Known issue: after a SIGKILL in the middle of a generation the
// resumed campaign does not yet always promote as the uninterrupted one did
// (docs/campaigns.md), so steering is opt-in (--steer). Shards steer
// independently, each from its own coverage.
//
// Interface: generation_of, generation_indices, steered_parents.
#pragma once
#include <cstddef>
#include <cstdint>
#include <set>
#include <vector>

namespace sc::campaign {

inline constexpr uint64_t kGenerationSize = 16;
inline constexpr size_t kSteerWindow = 8;

struct Steering {
  bool enabled = false;
  std::set<uint64_t> promoted;  // generations (>= 1) that reached new edges
  uint32_t shard_index = 0;
  uint32_t shard_count = 1;
  uint64_t max_workloads = UINT64_MAX;
};

uint64_t generation_of(size_t corpus_size, uint64_t index);
// The indices of generation g this shard runs (below max_workloads).
std::vector<uint64_t> generation_indices(size_t corpus_size, const Steering& s, uint64_t g);
// The parents steering offers a mutation of generation g (empty: none).
std::vector<uint64_t> steered_parents(size_t corpus_size, const Steering& s, uint64_t g);

}  // namespace sc::campaign

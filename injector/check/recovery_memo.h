// recovery_memo.h — RecoveryMemo: remembers what recovery made of the crash
// images of one cut, so that a later image recovery could not tell apart
// from an earlier one is decided without recovering it (a "recalled" state).
//
// Why it is sound: recovery (fsck, boot and read-back) is a deterministic
// function of the sectors it reads. Every image of a cut equals the cut's
// durable image outside the sectors of the writes in flight at that cut (the
// cut's *variable* sectors), so only reads of variable sectors can differ
// between two images of a cut. A sector's content is named by its
// provenance, never hashed: 0 for the durable content, else 1 + the payload
// sector of the in-flight write that left it (ImageView::provenance()).
//
// Structure: per cut, a decision tree (a trie). An inner node names the next
// variable sector recovery read; its edges are keyed by that sector's
// provenance; a leaf holds a Recovered. remember() inserts the path of one
// recovery (its reads, in the order first read: checker.h); recall() walks
// the tree with an image's provenances and returns the Recovered at the leaf
// it reaches, or nullptr where no recovery has gone yet; what it returns is
// valid until the next remember() or a change of cut.
// Only the recovered state is memoised, never a verdict: each state is still
// judged against its own legal window.
// Invariants: the tree is dropped whenever the cut (or trace) changes; an
// image with fault sectors is neither remembered nor recalled (the caller
// must not pass one); a recovery whose path disagrees with the tree (a
// different sector read after the same contents: a nondeterministic
// recovery) is not inserted and is counted in conflicts().
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "injector/crash/crash_image.h"
#include "injector/oracle/verdict.h"

namespace sc {

class RecoveryMemo {
 public:
  const Recovered* recall(const crash::ImageView& image);
  void remember(const crash::ImageView& image, std::span<const uint64_t> reads, const Recovered& recovered);
  uint64_t conflicts() const { return conflicts_; }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Edge {
    uint64_t provenance;
    uint32_t child;
  };
  struct Node {
    uint64_t sector = 0;
    uint32_t leaf = kNone;  // index into results_ when a leaf
    bool inner = false;
    std::vector<Edge> edges;
  };

  void follow_cut(const crash::ImageView& image);
  bool variable(uint64_t sector) const;
  uint32_t child(uint32_t node, uint64_t provenance) const;
  uint32_t add_child(uint32_t node, uint64_t provenance);

  const crash::Trace* trace_ = nullptr;
  size_t cut_ = SIZE_MAX;
  std::vector<uint64_t> variable_;  // sorted, distinct
  std::vector<Node> nodes_;
  std::vector<Recovered> results_;
  uint64_t conflicts_ = 0;
};

}  // namespace sc

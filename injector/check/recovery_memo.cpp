// recovery_memo.cpp — see recovery_memo.h.
#include "injector/check/recovery_memo.h"

#include <algorithm>

namespace sc {

void RecoveryMemo::follow_cut(const crash::ImageView& image) {
  const crash::DurableState& durable = image.durable();
  if (trace_ == &durable.trace() && cut_ == durable.cut()) return;
  trace_ = &durable.trace();
  cut_ = durable.cut();
  variable_.clear();
  for (const size_t request : durable.in_flight()) {
    const crash::Request& r = trace_->requests()[request];
    for (uint32_t j = 0; j < r.count; ++j) variable_.push_back(r.sector + j);
  }
  std::sort(variable_.begin(), variable_.end());
  variable_.erase(std::unique(variable_.begin(), variable_.end()), variable_.end());
  nodes_.assign(1, Node{});
  results_.clear();
}

bool RecoveryMemo::variable(uint64_t sector) const {
  return std::binary_search(variable_.begin(), variable_.end(), sector);
}

uint32_t RecoveryMemo::child(uint32_t node, uint64_t provenance) const {
  for (const Edge& e : nodes_[node].edges)
    if (e.provenance == provenance) return e.child;
  return kNone;
}

uint32_t RecoveryMemo::add_child(uint32_t node, uint64_t provenance) {
  const auto index = static_cast<uint32_t>(nodes_.size());
  nodes_.emplace_back();
  nodes_[node].edges.push_back(Edge{provenance, index});
  return index;
}

const Recovered* RecoveryMemo::recall(const crash::ImageView& image) {
  follow_cut(image);
  uint32_t node = 0;
  while (nodes_[node].inner) {
    node = child(node, image.provenance(nodes_[node].sector));
    if (node == kNone) return nullptr;
  }
  return nodes_[node].leaf == kNone ? nullptr : &results_[nodes_[node].leaf];
}

void RecoveryMemo::remember(const crash::ImageView& image, std::span<const uint64_t> reads,
                            const Recovered& recovered) {
  follow_cut(image);
  uint32_t node = 0;
  for (const uint64_t sector : reads) {
    if (!variable(sector)) continue;
    Node& n = nodes_[node];
    if (n.leaf != kNone || (n.inner && n.sector != sector)) {
      ++conflicts_;
      return;
    }
    n.inner = true;
    n.sector = sector;
    const uint64_t p = image.provenance(sector);
    const uint32_t next = child(node, p);
    node = next != kNone ? next : add_child(node, p);
  }
  if (nodes_[node].inner || nodes_[node].leaf != kNone) {
    ++conflicts_;
    return;
  }
  nodes_[node].leaf = static_cast<uint32_t>(results_.size());
  results_.push_back(recovered);
}

}  // namespace sc

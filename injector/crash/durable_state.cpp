// durable_state.cpp — see durable_state.h.
#include "durable_state.h"

#include <stdexcept>

namespace sc::crash {

DurableState::DurableState(const Trace& trace, const TraceHashes& hashes)
    : trace_(&trace), hashes_(&hashes) {}

void DurableState::advance() {
  const auto requests = trace_->requests();
  if (cut_ >= requests.size()) throw std::logic_error("DurableState::advance past the trace");
  const Request& r = requests[cut_];
  if (r.kind == Kind::flush) {
    for (const size_t w : in_flight_) make_durable(w);
    in_flight_.clear();
  } else if (r.fua) {
    make_durable(cut_);
  } else {
    in_flight_.push_back(cut_);
  }
  ++cut_;
}

void DurableState::advance_to(size_t cut) {
  if (cut < cut_ || cut > trace_->requests().size())
    throw std::invalid_argument("DurableState::advance_to: cut out of range");
  while (cut_ < cut) advance();
}

const DurableEntry* DurableState::find(uint64_t sector) const {
  const auto it = entries_.find(sector);
  return it == entries_.end() ? nullptr : &it->second;
}

// Newest write wins: a flush may make an older write durable after a newer
// FUA write to the same sector already is.
void DurableState::make_durable(size_t request) {
  const Request& r = trace_->requests()[request];
  for (uint32_t j = 0; j < r.count; ++j) {
    const uint64_t ps = payload_sector(r, j);
    const uint64_t contribution = hashes_->contribution(ps);
    const auto [it, inserted] =
        entries_.try_emplace(r.sector + j, DurableEntry{request, ps, contribution});
    if (inserted) {
      fingerprint_ += contribution;
    } else if (it->second.request < request) {
      fingerprint_ += contribution - it->second.contribution;
      it->second = DurableEntry{request, ps, contribution};
    }
  }
}

}  // namespace sc::crash

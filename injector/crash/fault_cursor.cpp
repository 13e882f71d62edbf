// fault_cursor.cpp — see fault_cursor.h.
#include "fault_cursor.h"

#include <algorithm>

#include "fault_image.h"

namespace sc::crash {

namespace {
constexpr int kDrawTries = 8;
}  // namespace

FaultCursor::FaultCursor(const Trace& trace, ModeSet modes) : trace_(&trace) {
  for (size_t m = kPowerCutModeCount; m < kModeCount; ++m)
    if (modes.test(m) && is_image_fault(static_cast<Mode>(m))) modes_.push_back(static_cast<Mode>(m));
  if (modes_.empty()) return;
  extent_begin_ = trace.sector_count();
  for (const Request& r : trace.requests()) {
    if (r.kind != Kind::write) continue;
    extent_begin_ = std::min(extent_begin_, r.sector);
    extent_end_ = std::max(extent_end_, r.sector + r.count);
  }
}

void FaultCursor::reset(const DurableState& durable, uint32_t samples) {
  mode_index_ = modes_.size();
  if (modes_.empty()) return;
  const auto requests = trace_->requests();
  for (; scanned_ < durable.cut(); ++scanned_) {
    const Request& r = requests[scanned_];
    if (r.kind == Kind::write) {
      writes_.push_back(scanned_);
      if (r.fua) lie_candidates_.push_back(scanned_);
    } else {
      writes_before_flush_ = writes_.size();
      lie_candidates_.assign(1, scanned_);
    }
  }
  mode_index_ = 0;
  samples_ = samples;
  sample_ = 0;
}

// lying-flush: two states (prefix, every in-flight write kept) per
// candidate lie; the others: `samples_`.
uint32_t FaultCursor::samples_of(Mode mode) const {
  return mode == Mode::lying_flush ? static_cast<uint32_t>(2 * lie_candidates_.size()) : samples_;
}

bool FaultCursor::next(const DurableState& durable, Prng& prng, uint32_t faults, CrashState& state) {
  while (mode_index_ < modes_.size()) {
    const Mode mode = modes_[mode_index_];
    if (sample_ >= samples_of(mode)) {
      ++mode_index_;
      sample_ = 0;
      continue;
    }
    const uint32_t sample = sample_++;
    state.kind = mode;
    state.kept.clear();
    if (sample % 2 == 1)
      for (const size_t w : durable.in_flight()) state.kept.push_back({w, kWholeWrite});
    state.faults.clear();
    if (mode == Mode::lying_flush) state.faults.push_back(Fault{mode, lie_candidates_[sample / 2], 0, 0});
    for (uint32_t i = static_cast<uint32_t>(state.faults.size()); i < faults; ++i) {
      Fault f;
      if (!draw(mode, durable, prng, &f)) break;
      if (std::none_of(state.faults.begin(), state.faults.end(), [&](const Fault& g) { return same_target(f, g); }))
        state.faults.push_back(f);
    }
    if (!state.faults.empty()) return true;
    sample_ = samples_of(mode);  // nothing of this mode to draw at this cut
  }
  return false;
}

bool FaultCursor::draw(Mode mode, const DurableState& durable, Prng& prng, Fault* out) const {
  out->kind = mode;
  switch (mode) {
    case Mode::lying_flush:
      if (lie_candidates_.empty()) return false;
      out->request = lie_candidates_[prng.below(lie_candidates_.size())];
      return true;
    case Mode::misdirected:
      return draw_misdirected(prng, out);
    case Mode::lost_write:
      return draw_durable_write(prng, &out->request);
    case Mode::bit_rot: {
      size_t w = 0;
      if (!draw_durable_write(prng, &w)) return false;
      const Request& r = trace_->requests()[w];
      out->sector = r.sector + prng.below(r.count);
      out->request = durable.find(out->sector)->request;
      out->detail = static_cast<uint32_t>(prng.below(kSectorBits));
      return true;
    }
    case Mode::sub_sector_tear: {
      const auto in_flight = durable.in_flight();
      if (in_flight.empty()) return false;
      out->request = in_flight[prng.below(in_flight.size())];
      const Request& r = trace_->requests()[out->request];
      out->sector = r.sector + prng.below(r.count);
      out->detail = 1 + static_cast<uint32_t>(prng.below(kSectorSize - 1));
      return true;
    }
    default:
      return false;
  }
}

// A write durable at the cut: before the last FLUSH, or FUA.
bool FaultCursor::draw_durable_write(Prng& prng, size_t* out) const {
  if (writes_.empty()) return false;
  for (int t = 0; t < kDrawTries; ++t) {
    const size_t p = prng.below(writes_.size());
    if (p < writes_before_flush_ || trace_->requests()[writes_[p]].fua) {
      *out = writes_[p];
      return true;
    }
  }
  return false;
}

bool FaultCursor::draw_misdirected(Prng& prng, Fault* out) const {
  for (int t = 0; t < kDrawTries; ++t) {
    if (!draw_durable_write(prng, &out->request)) return false;
    const Request& r = trace_->requests()[out->request];
    if (extent_end_ - extent_begin_ <= r.count) continue;
    out->sector = extent_begin_ + prng.below(extent_end_ - extent_begin_ - r.count + 1);
    if (out->sector != r.sector) return true;
  }
  return false;
}

}  // namespace sc::crash

// enumerator.cpp — see enumerator.h.
#include "enumerator.h"

#include <algorithm>
#include <utility>

namespace sc::crash {

CrashStateEnumerator::CrashStateEnumerator(const Trace& trace, Options options)
    : trace_(&trace),
      options_(options),
      hashes_(trace),
      durable_(trace, hashes_),
      prng_(options.seed),
      faults_(trace, options.modes) {
  begin_cut();
}

bool CrashStateEnumerator::next() {
  while (next_candidate()) {
    ++counters_.generated;
    fingerprint_ = tearing_ ? table_.select_tear(torn_.position(), torn_.mask(), torn_.with_earlier())
                            : table_.select(state_.kept);
    if (first_sighting()) {
      if (tearing_) torn_.fill(state_.kept);
      ++counters_.yielded;
      return true;
    }
    ++counters_.duplicates;
  }
  return false;
}

bool CrashStateEnumerator::first_sighting() {
  if (state_.faults.empty()) return seen_.insert(fingerprint_);
  fingerprint_ = apply_image_faults(durable_, table_.delta(), state_, fingerprint_, faulted_);
  return !seen_.contains(fingerprint_) && seen_faulted_.insert(fingerprint_);
}

bool CrashStateEnumerator::next_candidate() {
  while (stage_ != Stage::done)
    if (step()) return true;
  return false;
}

// Runs one stage of the current cut; true if it produced a candidate.
bool CrashStateEnumerator::step() {
  const auto in_flight = durable_.in_flight();
  state_.faults.clear();
  faulted_.clear();
  tearing_ = false;
  switch (stage_) {
    case Stage::prefix_alone:
      stage_ = Stage::prefix_all;
      if (!enabled(Mode::prefix)) return false;
      state_.kind = Mode::prefix;
      state_.kept.clear();
      return true;
    case Stage::prefix_all:
      stage_ = Stage::reorder_exhaustive;
      if (!enabled(Mode::prefix) || in_flight.empty()) return false;
      state_.kind = Mode::prefix;
      state_.kept.clear();
      for (const size_t w : in_flight) state_.kept.push_back({w, kWholeWrite});
      return true;
    case Stage::reorder_exhaustive:
      if (enabled(Mode::reorder) && subsets_.next()) {
        count_left_out_subsets();
        state_.kind = Mode::reorder;
        keep_in_flight_positions(subsets_.current());
        return true;
      }
      if (enabled(Mode::reorder)) count_left_out_subsets();
      stage_ = Stage::reorder_sample;
      return false;
    case Stage::reorder_sample:
      if (enabled(Mode::reorder) && samples_left_ > 0) {
        --samples_left_;
        state_.kind = Mode::reorder;
        keep_random_subset();
        return true;
      }
      stage_ = Stage::torn;
      return false;
    case Stage::torn:
      if (enabled(Mode::torn) && torn_.next(*trace_, prng_, options_.torn_samples_per_write)) {
        count_passed_over(torn_.passed_over());
        state_.kind = Mode::torn;
        tearing_ = true;  // state_.kept is filled only if it is yielded
        return true;
      }
      count_passed_over(torn_.passed_over());
      stage_ = Stage::faults;
      return false;
    case Stage::faults:
      if (faults_.next(durable_, prng_, options_.faults, state_)) return true;
      stage_ = Stage::next_cut;
      return false;
    case Stage::next_cut:
      if (durable_.cut() == trace_->requests().size()) {
        stage_ = Stage::done;
        return false;
      }
      durable_.advance();
      begin_cut();
      return false;
    case Stage::done:
      return false;
  }
  return false;
}

void CrashStateEnumerator::begin_cut() {
  const auto in_flight = durable_.in_flight();
  state_.cut = durable_.cut();
  const bool seen_kept = !forget_seen_if_window_changes();
  const bool previous_enumerated = std::exchange(previous_cut_enumerated_, cut_selected());
  if (!previous_cut_enumerated_) {
    stage_ = Stage::next_cut;
    return;
  }
  table_.build(durable_);
  stage_ = Stage::prefix_alone;
  const bool one_more = previous_enumerated && one_more_in_flight(seen_kept);
  subsets_.reset(in_flight.size(), options_.k, one_more);
  left_out_counted_ = 0;
  samples_left_ = in_flight.size() > options_.k ? options_.samples_per_cut : 0;
  torn_.reset(in_flight, one_more && !in_flight.empty() ? in_flight.size() - 1 : 0);
  faults_.reset(durable_, options_.fault_samples_per_cut);
}

bool CrashStateEnumerator::cut_selected() const {
  return options_.only_cuts.empty() ||
         std::binary_search(options_.only_cuts.begin(), options_.only_cuts.end(), state_.cut);
}

bool CrashStateEnumerator::forget_seen_if_window_changes() {
  if (!std::binary_search(options_.recheck_from.begin(), options_.recheck_from.end(), state_.cut)) return false;
  seen_ = FingerprintSet{};
  seen_faulted_ = FingerprintSet{};
  return true;
}

// When the request before this cut was a write the disk only took into its
// cache, the durable layer is unchanged and one more write is in flight: a
// subset without it, or a deterministic tear of an older write (alone or
// with every earlier write), leaves the image it left at the cut before,
// which is in seen_ (unless the window changed here). Only the states with
// the new write are built; the others count as the duplicates they are
// (count_left_out_subsets, count_passed_over).
bool CrashStateEnumerator::one_more_in_flight(bool seen_kept) const {
  const size_t cut = durable_.cut();
  const Request* before = cut > 0 ? &trace_->requests()[cut - 1] : nullptr;
  return seen_kept && before != nullptr && before->kind == Kind::write && !before->fua;
}

// States not built because they repeat an image: counted as built and duplicate.
void CrashStateEnumerator::count_passed_over(uint64_t states) {
  counters_.generated += states;
  counters_.duplicates += states;
}

// The left-out subsets the full walk would have built by now, counted as
// built and found duplicate, so the counters read as the full walk's would
// at every state yielded.
void CrashStateEnumerator::count_left_out_subsets() {
  const uint64_t now = subsets_.left_out_before();
  count_passed_over(now - left_out_counted_);
  left_out_counted_ = now;
}

void CrashStateEnumerator::keep_in_flight_positions(std::span<const size_t> positions) {
  const auto in_flight = durable_.in_flight();
  state_.kept.clear();
  for (const size_t p : positions) state_.kept.push_back({in_flight[p], kWholeWrite});
}

void CrashStateEnumerator::keep_random_subset() {
  state_.kept.clear();
  for (const size_t w : durable_.in_flight())
    if (prng_.next() >> 63) state_.kept.push_back({w, kWholeWrite});
}

}  // namespace sc::crash

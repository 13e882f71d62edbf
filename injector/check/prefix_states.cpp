// prefix_states.cpp — see prefix_states.h.
#include "injector/check/prefix_states.h"

#include <utility>

namespace sc {

namespace {

crash::EnumeratorOptions prefix_options(std::vector<uint64_t> recheck_from, uint64_t seed) {
  crash::EnumeratorOptions options;
  options.modes = crash::only(crash::Mode::prefix);
  options.seed = seed;
  options.recheck_from = std::move(recheck_from);
  return options;
}

// Of `states`, at most `limit`, evenly spread (spread_states.h's rule).
std::vector<crash::CrashState> pick_evenly(std::vector<crash::CrashState> states, uint64_t limit) {
  const uint64_t count = states.size();
  if (count <= limit) return states;
  std::vector<crash::CrashState> picked;
  for (uint64_t i = 0; i < limit; ++i) picked.push_back(std::move(states[i * count / limit]));
  return picked;
}

}  // namespace

PrefixStates::PrefixStates(const crash::Trace& trace, std::vector<uint64_t> recheck_from, uint64_t seed,
                           size_t from_cut, std::optional<uint64_t> limit)
    : trace_(trace), from_cut_(from_cut), enumerator_(trace, prefix_options(std::move(recheck_from), seed)) {
  if (!limit) return;
  spread_ = true;
  std::vector<crash::CrashState> all;
  while (next_enumerated()) all.push_back(enumerator_.state());
  picked_ = pick_evenly(std::move(all), *limit);
}

bool PrefixStates::next_enumerated() {
  while (enumerator_.next())
    if (enumerator_.state().cut >= from_cut_) return true;
  return false;
}

bool PrefixStates::next_picked() {
  if (at_ >= picked_.size()) return false;
  built_ = std::make_unique<crash::CrashImage>(trace_, picked_[at_++]);
  return true;
}

bool PrefixStates::next() { return spread_ ? next_picked() : next_enumerated(); }

const crash::CrashState& PrefixStates::state() const { return spread_ ? picked_[at_ - 1] : enumerator_.state(); }

crash::ImageView PrefixStates::image() const { return spread_ ? built_->view() : enumerator_.image(); }

}  // namespace sc

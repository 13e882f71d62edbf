// choice_path.cpp — see choice_path.h.
#include "choice_path.h"

#include <algorithm>
#include <stdexcept>

namespace sc::crash {

void ChoicePath::begin_run() {
  std::fill(values_.begin(), values_.end(), kUndecided);
  decisions_.resize(forced_);
  replayed_ = 0;
}

bool ChoicePath::value(uint32_t variable) {
  if (values_[variable] != kUndecided) return values_[variable] == 1;
  if (replayed_ < forced_) {
    const Decision d = decisions_[replayed_++];
    if (d.variable != variable)
      throw std::logic_error("a re-run asked for other contents than the run before it: recovery is not deterministic");
    values_[variable] = d.value ? 1 : 0;
    return d.value;
  }
  values_[variable] = 0;
  decisions_.push_back(Decision{variable, false});
  return false;
}

bool ChoicePath::advance() {
  if (replayed_ < forced_)
    throw std::logic_error("a re-run ended before reading what the run before it read: recovery is not deterministic");
  for (size_t i = decisions_.size(); i-- > 0;) {
    if (decisions_[i].value) continue;
    decisions_[i].value = true;
    decisions_.resize(i + 1);
    forced_ = i + 1;
    return true;
  }
  return false;
}

}  // namespace sc::crash

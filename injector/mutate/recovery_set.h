// recovery_set.h — what recovery makes of a recording's crash states: the
// set of (legal window, stable state recovered) pairs its judged crash states
// reach. Two recordings with equal sets are indistinguishable to every crash
// state the enumeration reaches — each recovers only stable states the other
// also recovers under the same legal window — so a mutant whose crash images
// differ from the original's but whose recovery set is the same (e.g. a
// flush another manager's flush makes redundant) is equivalent on that
// workload: no crash state, and so no oracle, can tell it apart.
// Interface: RecoveryCollector::observer() is an ExploreOptions::observe
// callback; take() returns the set, sorted and unique. Legal states only
// (illegal ones kill a mutant before the set matters).
// Invariant: windows are named by stable-state indices, not request numbers,
// so recordings whose traces differ in length compare.
#pragma once
#include <cstddef>
#include <functional>
#include <tuple>
#include <vector>

#include "injector/oracle/verdict.h"

namespace sc::mutate {

using RecoverySet = std::vector<std::tuple<size_t, size_t, size_t>>;  // window previous, current, S recovered

class RecoveryCollector {
 public:
  std::function<void(const LegalWindow&, const Verdict&)> observer();
  RecoverySet take();

 private:
  RecoverySet pairs_;
};

}  // namespace sc::mutate

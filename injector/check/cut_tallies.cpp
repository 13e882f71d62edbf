// cut_tallies.cpp — see cut_tallies.h.
#include "injector/check/cut_tallies.h"

#include <algorithm>

namespace sc {

namespace {

void add_counts(const OutcomeCounts& more, OutcomeCounts* into) {
  for (size_t o = 0; o < more.size(); ++o)
    for (size_t p = 0; p < more[o].size(); ++p)
      for (size_t m = 0; m < more[o][p].size(); ++m) (*into)[o][p][m] += more[o][p][m];
}

}  // namespace

CutTallies::CutTallies(size_t cuts) : claims_(std::make_unique<std::atomic<bool>[]>(cuts)) {}

bool CutTallies::claim(size_t cut) {
  if (claimed(cut)) return false;
  return !claims_[cut].exchange(true);
}

void CutTallies::add(CutTally tally) {
  std::lock_guard guard(lock_);
  tallies_.push_back(std::move(tally));
}

void CutTallies::stop_after(uint64_t index) {
  uint64_t now = stop_index_.load();
  while (index < now && !stop_index_.compare_exchange_weak(now, index)) {
  }
}

ExploreResult CutTallies::sum() {
  std::sort(tallies_.begin(), tallies_.end(), [](const CutTally& a, const CutTally& b) { return a.first < b.first; });
  ExploreResult total;
  for (CutTally& t : tallies_)
    if (t.first <= stop_index()) add_result(std::move(t.result), &total);
  tallies_.clear();
  return total;
}

void add_result(ExploreResult&& more, ExploreResult* into) {
  add_counts(more.counts, &into->counts);
  add_counts(more.fsck_violations, &into->fsck_violations);
  if (!into->first_illegal && more.first_illegal)
    into->first_illegal = FirstIllegal{into->states + more.first_illegal->states, more.first_illegal->seconds};
  into->states += more.states;
  into->illegal += more.illegal;
  into->duplicates += more.duplicates;
  into->recalled += more.recalled;
  into->stopped = into->stopped || more.stopped;
  for (StateFailure& f : more.failures)
    if (!into->signatures.count(f.signature)) into->failures.push_back(std::move(f));
  for (const auto& [signature, states] : more.signatures) into->signatures[signature] += states;
  for (std::string& finding : more.run_findings) into->run_findings.push_back(std::move(finding));
  if (more.exhaustive) add_coverage(&into->exhaustive, *more.exhaustive);
}

}  // namespace sc

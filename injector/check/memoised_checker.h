// memoised_checker.h — MemoisedChecker: one Checker (made at its first use)
// behind a RecoveryMemo (recovery_memo.h), for one thread of an exploration.
// Interface: recover() returns what recovery made of a state, either
// recovered now or recalled from an earlier recovery of its cut that read
// the same contents; the pointer is valid until the next call. recalled()
// counts the states recalled, recoveries() the ones recovered.
// Invariants: only a state without faults is recalled or remembered, and
// only when memoisation is asked for and the checker notes its reads;
// the memo is the RecoveryMemo's, dropped at each change of cut.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "injector/check/checker.h"
#include "injector/check/recovery_memo.h"

namespace sc {

class MemoisedChecker {
 public:
  MemoisedChecker(const CheckerFactory& make, bool memoise) : make_(make), memoise_(memoise) {}

  // `next`, if given, is the state of the following call (Checker::recover_then).
  const Recovered* recover(const crash::ImageView& image, std::span<const crash::Fault> faults,
                           const NextState* next);
  uint64_t recalled() const { return recalled_; }
  uint64_t recoveries() const { return recoveries_; }

 private:
  const CheckerFactory& make_;
  const bool memoise_;
  std::unique_ptr<Checker> checker_;
  std::optional<RecoveryMemo> memo_;
  std::vector<uint64_t> reads_;
  Recovered last_;
  uint64_t recalled_ = 0;
  uint64_t recoveries_ = 0;
};

}  // namespace sc

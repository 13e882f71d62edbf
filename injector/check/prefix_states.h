// prefix_states.h — the prefix crash states of a trace (the durable state of
// each cut, and with every in-flight write kept) at cuts from `from_cut` on:
// the states the fault explorers re-check with a fault (read_error_explore.h,
// io_error_explore.h).
// Without a limit: every one, in enumeration order, each image built
// incrementally by the enumerator (duplicate images skipped and counted).
// With a limit: at most `limit` of them, spread evenly (of N, those at
// indices i * N / limit), each image built from the trace — for tiers whose
// checks are expensive.
// Interface: next() moves to the next state; state() and image() are valid
// until the next call of next().
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "injector/crash/crash_image.h"
#include "injector/crash/enumerator.h"

namespace sc {

class PrefixStates {
 public:
  PrefixStates(const crash::Trace& trace, std::vector<uint64_t> recheck_from, uint64_t seed, size_t from_cut,
               std::optional<uint64_t> limit);

  bool next();
  const crash::CrashState& state() const;
  crash::ImageView image() const;
  uint64_t duplicates() const { return enumerator_.counters().duplicates; }

 private:
  bool next_enumerated();
  bool next_picked();

  const crash::Trace& trace_;
  size_t from_cut_;
  crash::CrashStateEnumerator enumerator_;
  bool spread_ = false;
  std::vector<crash::CrashState> picked_;
  size_t at_ = 0;
  std::unique_ptr<crash::CrashImage> built_;
};

}  // namespace sc

// inproc_tier.h — the in-process tier as a Tier (tier.h): record_inproc,
// explore_inproc and replay_inproc; it takes no live cuts, and it has no
// debugger boot (replay_gdb throws InputError: run `replay` under gdb instead).
#pragma once
#include "injector/tier/tier.h"

namespace sc::tier {

class InprocTier final : public Tier {
 public:
  Recording record(const Workload& w, const SeededBugs& bugs, const std::optional<crash::Fault>& fault) const override;
  ExploreResult explore(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                        const ExploreOptions& options) const override;
  std::vector<std::string> live_cuts(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                                     size_t count) const override;
  Verdict replay(const Case& c) const override;
  Verdict replay_gdb(const Case& c, const std::function<void(const std::string&)>& attach) const override;
};

}  // namespace sc::tier

// tier_dispatch.cpp — see tier_dispatch.h.
#include "injector/tier/tier_dispatch.h"

#include "injector/tier/tier.h"

namespace sc::tier {

Recording record_on(const TierSpec& tier, const Workload& w, const SeededBugs& bugs,
                    const std::optional<crash::Fault>& fault) {
  return make_tier(tier)->record(w, bugs, fault);
}

ExploreResult explore_on(const TierSpec& tier, const Workload& w, const SeededBugs& bugs, const Recording& rec,
                         const ExploreOptions& options) {
  return make_tier(tier)->explore(w, bugs, rec, options);
}

std::vector<std::string> live_cuts_on(const TierSpec& tier, const Workload& w, const SeededBugs& bugs,
                                      const Recording& rec, size_t count) {
  return make_tier(tier)->live_cuts(w, bugs, rec, count);
}

Verdict replay_on(const TierSpec& tier, const Case& c) { return make_tier(tier)->replay(c); }

Verdict replay_on_gdb(const TierSpec& tier, const Case& c, const std::function<void(const std::string&)>& attach) {
  return make_tier(tier)->replay_gdb(c, attach);
}

}  // namespace sc::tier

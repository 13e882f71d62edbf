// qemu_tier_object.h — the QEMU tier as a Tier (tier.h): record, explore
// (spread states, spec.qemu_sessions boots at a time), live cuts and replay
// of the riscv64 kernel under QEMU with the nbdkit plugin the TierSpec
// names. Internal to injector/tier; compiled only with the QEMU tier.
// Errors: record() throws InputError (exit 2) when QEMU produced no trace.
#pragma once
#include "injector/tier/tier.h"

namespace sc::tier {

class QemuTier final : public Tier {
 public:
  explicit QemuTier(const TierSpec& spec) : spec_(spec) {}

  Recording record(const Workload& w, const SeededBugs& bugs, const std::optional<crash::Fault>& fault) const override;
  ExploreResult explore(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                        const ExploreOptions& options) const override;
  std::vector<std::string> live_cuts(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                                     size_t count) const override;
  Verdict replay(const Case& c) const override;
  Verdict replay_gdb(const Case& c, const std::function<void(const std::string&)>& attach) const override;

 private:
  TierSpec spec_;
};

}  // namespace sc::tier

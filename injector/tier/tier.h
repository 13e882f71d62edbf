// tier.h — a tier of stablecut as one object: where a workload is recorded,
// its crash states explored, its live cuts taken and its cases replayed.
// Two implementations: InprocTier (inproc_tier.h, always built) and
// QemuTier (qemu_tier_object.h, built with the QEMU tier). make_tier() is
// the only place that chooses; which definition of it is linked is decided by
// CMake (tier_build_qemu.cpp or tier_build_inproc_only.cpp), never by #ifdef.
// Errors: make_tier() throws InputError (exit 2) for a TierSpec naming the
// QEMU tier in a build without it, rather than run it in-process.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "injector/check/case_file.h"
#include "injector/check/explore_result.h"
#include "injector/check/recording.h"
#include "injector/tier/tier_spec.h"

namespace sc::tier {

class Tier {
 public:
  virtual ~Tier() = default;
  // With `fault` of kind io_error, the run's request fault->request fails;
  // of kind call_error or call_misuse (in-process only), its system call
  // fault->request fails or reaches the kernel misused (crash_model.h).
  virtual Recording record(const Workload& w, const SeededBugs& bugs,
                           const std::optional<crash::Fault>& fault = std::nullopt) const = 0;
  virtual ExploreResult explore(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                                const ExploreOptions& options) const = 0;
  // Disagreements of `count` live cuts with their offline cuts (none in-process).
  virtual std::vector<std::string> live_cuts(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                                             size_t count) const = 0;
  virtual Verdict replay(const Case& c) const = 0;
  // The recovery boot waits for a debugger; `attach` gets the gdb command line.
  virtual Verdict replay_gdb(const Case& c, const std::function<void(const std::string&)>& attach) const = 0;
};

std::unique_ptr<Tier> make_tier(const TierSpec& spec);

}  // namespace sc::tier

// tier_dispatch.cpp — see tier_dispatch.h.
#include "injector/tier/tier_dispatch.h"

#include "injector/common/input_error.h"

#ifdef STABLECUT_HAVE_QEMU
#include "injector/qemu/qemu_explore.h"
#include "injector/qemu/qemu_oracle.h"
#include "injector/tier/qemu_config.h"
#include "injector/tier/qemu_gdb.h"
#endif

namespace sc::tier {

namespace {

// Without the QEMU tier a TierSpec naming it (say, a resumed QEMU campaign's)
// is refused rather than run in-process.
void refuse_unbuilt_qemu([[maybe_unused]] const TierSpec& tier) {
#ifndef STABLECUT_HAVE_QEMU
  if (tier.qemu()) throw InputError("--tier qemu: this build has no QEMU tier (configure with -DSTABLECUT_QEMU=ON)");
#endif
}

}  // namespace

Recording record_on(const TierSpec& tier, const Workload& w, const SeededBugs& bugs) {
#ifdef STABLECUT_HAVE_QEMU
  if (tier.qemu()) {
    std::string error;
    auto rec = qemu::record_on_qemu(w, bugs, qemu_config(tier), &error);
    if (!rec) throw InputError("--tier qemu: " + error);
    return std::move(*rec);
  }
#endif
  refuse_unbuilt_qemu(tier);
  return record_inproc(w, bugs);
}

ExploreResult explore_on(const TierSpec& tier, const Workload& w, const SeededBugs& bugs, const Recording& rec,
                         const ExploreOptions& options) {
#ifdef STABLECUT_HAVE_QEMU
  if (tier.qemu()) return qemu::explore_qemu(w, bugs, rec, options, qemu_config(tier), tier.qemu_sessions);
#endif
  refuse_unbuilt_qemu(tier);
  return explore_inproc(w, bugs, rec, options);
}

std::vector<std::string> live_cuts_on(const TierSpec& tier, const Workload& w, const SeededBugs& bugs,
                                      const Recording& rec, size_t count) {
#ifdef STABLECUT_HAVE_QEMU
  if (tier.qemu()) return qemu::check_live_cuts(w, bugs, rec, count, qemu_config(tier));
#endif
  refuse_unbuilt_qemu(tier);
  (void)w, (void)bugs, (void)rec, (void)count;
  return {};
}

Verdict replay_on(const TierSpec& tier, const Case& c) {
#ifdef STABLECUT_HAVE_QEMU
  if (tier.qemu())
    return qemu::replay_qemu(c.workload, c.bugs, c.file.trace, *c.file.crash_state, c.history, c.spans,
                             qemu_config(tier));
#endif
  refuse_unbuilt_qemu(tier);
  return replay_inproc(c);
}

Verdict replay_on_gdb(const TierSpec& tier, const Case& c, const std::function<void(const std::string&)>& attach) {
#ifdef STABLECUT_HAVE_QEMU
  const crash::CrashState& state = *c.file.crash_state;
  const crash::CrashImage image = crash::build_crash_image(c.file.trace, state);
  const qemu::QemuRecovery r =
      recover_waiting_for_gdb(c.workload, c.bugs, image.view().bytes(), qemu_config(tier), [&](const std::string& socket) {
        attach("gdb-multiarch " + tier.kernel + " -ex 'target remote " + socket + "' -ex 'break sc::Kernel::boot'");
      });
  const Recovered rec = qemu::recovered_from_qemu(r, image.view(), c.workload, boot_config(c.workload, c.bugs.kernel));
  return classify(c.workload, c.history, legal_window(c.spans, state.cut), rec);
#else
  (void)tier, (void)c, (void)attach;
  throw InputError("--gdb --tier qemu: this build has no QEMU tier");
#endif
}

}  // namespace sc::tier

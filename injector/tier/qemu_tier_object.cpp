// qemu_tier_object.cpp — see qemu_tier_object.h.
#include "injector/tier/qemu_tier_object.h"
#include "injector/check/explore_with_faults.h"
#include "injector/check/state_window.h"

#include "injector/common/input_error.h"
#include "injector/crash/failing_read_disk.h"
#include "injector/inproc/explore.h"
#include "injector/qemu/qemu_checker.h"
#include "injector/qemu/qemu_explore.h"
#include "injector/qemu/qemu_oracle.h"
#include "injector/qemu/session_pool.h"
#include "injector/tier/qemu_config.h"
#include "injector/tier/qemu_gdb.h"

namespace sc::tier {

Recording QemuTier::record(const Workload& w, const SeededBugs& bugs, const std::optional<crash::Fault>& fault) const {
  std::string error;
  auto rec = qemu::record_on_qemu(w, bugs, qemu_config(spec_), &error, fault);
  if (!rec) throw InputError("--tier qemu: " + error);
  return std::move(*rec);
}

// The enumerated modes through the QEMU plan (qemu_explore.h), one
// QemuChecker per worker; read-error and io-error with a recovery session of
// their own, read-error sectors drawn from the in-process recovery's reads,
// io-error runs recorded under QEMU.
ExploreResult QemuTier::explore(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                                const ExploreOptions& options) const {
  const qemu::TierConfig cfg = qemu_config(spec_);
  FaultTools tools;
  tools.make_checker = [&] { return std::make_unique<qemu::QemuChecker>(w, bugs, cfg); };
  tools.sectors_read = inproc_sectors_read(w, bugs);
  tools.record_failing = [&](const crash::Fault& fault) { return record(w, bugs, fault); };
  tools.spread = true;
  if (spec_.qemu_sessions > 1) qemu::drop_idle_sessions();  // the workers' threads start sessions of their own
  return explore_with_faults(w, rec, options, qemu::explore_plan(spec_.qemu_sessions), tools);
}

std::vector<std::string> QemuTier::live_cuts(const Workload& w, const SeededBugs& bugs, const Recording& rec,
                                             size_t count) const {
  return qemu::check_live_cuts(w, bugs, rec, count, qemu_config(spec_));
}

Verdict QemuTier::replay(const Case& c) const {
  return qemu::replay_qemu(c.workload, c.bugs, c.file.trace, *c.file.crash_state, c.history, c.spans,
                           qemu_config(spec_));
}

Verdict QemuTier::replay_gdb(const Case& c, const std::function<void(const std::string&)>& attach) const {
  const crash::CrashState& state = *c.file.crash_state;
  const crash::CrashImage image = crash::build_crash_image(c.file.trace, state);
  const qemu::QemuRecovery r = recover_waiting_for_gdb(
      c.workload, c.bugs, image.view().bytes(), crash::read_error_sectors(state.faults), qemu_config(spec_),
      [&](const std::string& socket) {
        attach("gdb-multiarch " + spec_.kernel + " -ex 'target remote " + socket + "' -ex 'break sc::Kernel::boot'");
      });
  const Recovered rec = qemu::recovered_from_qemu(r, image.view(), c.workload, boot_config(c.workload, c.bugs));
  return classify(c.workload, c.history, legal_window_of(c.spans, state), rec);
}

}  // namespace sc::tier

// qemu_checker.h — the QEMU tier's Checker (injector/check/checker.h): a
// QemuSession (one nbdkit + one QEMU for many boots), leased from this
// thread's pool (session_pool.h: the one that recorded the workload, if this
// thread did), whose every recovery is read back as a Recovered by
// recovered_from_qemu(), fsck included. The state's read-error sectors fail under the plugin. The explore loop makes one per worker.
// recover_then() queues the next state's image behind this one's, so the
// guest's next power-on finds it waiting while the host still judges this
// state (qemu_tier.h, handover order).
#pragma once
#include "injector/check/checker.h"
#include "injector/qemu/session_pool.h"

namespace sc::qemu {

class QemuChecker final : public Checker {
 public:
  QemuChecker(const Workload& w, const SeededBugs& bugs, const TierConfig& cfg);

  Recovered recover(const crash::ImageView& image, std::span<const crash::Fault> faults) override;
  Recovered recover_then(const crash::ImageView& image, std::span<const crash::Fault> faults,
                         const NextState& next) override;

 private:
  const Workload& w_;
  BootConfig config_;
  SessionLease session_;
};

}  // namespace sc::qemu

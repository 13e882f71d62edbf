// qemu_oracle.h — the QEMU tier seen through the project's oracle, so both
// tiers are judged by the same code (injector/oracle/verdict.h):
//  * record_on_qemu() turns a QEMU recording into an sc::Recording (with an
//    io-error fault: of the run with that request failed): the trace
//    the nbdkit plugin recorded, the stable states S_0..S_k and their spans
//    computed by the reference model from the ops the guest reported and
//    where it marked them (a stabilisation that failed at or after the
//    io-error request is a failed attempt, reference_model.h), and at each
//    crash mark the model's power cut, checked against the state the guest
//    printed after recovering (adopted if it is a failed attempt's that
//    reached the media, like the in-process runner); a run that did not
//    finish cleanly, a wrong recovered state, or a manager or locus the guest
//    killed in U-mode, is a finding;
//  * recovered_from_qemu() turns one recovery boot into an sc::Recovered:
//    hang → hang, a trap/panic or a manager killed in U-mode (SC USER
//    faults > 0) → recovery_crash, a failed boot or refused enumeration →
//    recovery_failed (a boot or an enumeration the guest reported failing
//    with Status corrupt or io_error is a clean refusal, as InprocChecker
//    judges it), else the
//    state read back; fsck runs on the host over
//    the same crash image. QEMU, kernel-image and timeout failures never get
//    here: the tier throws them as setup errors (boot_health.h).
// Errors that leave no trace are InputError-free runtime failures: they are
// returned as one line in Recording::findings with an empty trace.
#pragma once
#include <optional>

#include "injector/crash/crash_image.h"
#include "injector/check/recording.h"
#include "injector/oracle/verdict.h"
#include "injector/qemu/qemu_tier.h"

namespace sc::qemu {

// nullopt (and `error` set) if QEMU produced no trace.
std::optional<Recording> record_on_qemu(const Workload& w, const SeededBugs& bugs, const TierConfig& cfg,
                                        std::string* error,
                                        const std::optional<crash::Fault>& io_error = std::nullopt);

Recovered recovered_from_qemu(const QemuRecovery& r, const crash::ImageView& image, const Workload& w,
                              const BootConfig& config);

}  // namespace sc::qemu

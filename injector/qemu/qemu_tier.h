// qemu_tier.h — the QEMU tier's host API: the real kernel core and managers
// under QEMU riscv64 virt, on a disk served by our nbdkit plugin
// (injector/nbdkit) that holds the crash model.
// Interface:
//   QemuSession                  one nbdkit and one QEMU for many boots of one
//                                workload: the guest resets itself after
//                                every boot (a machine reset, not a new QEMU,
//                                unless a boot hung or died), and its next
//                                power-on claims the next order the session
//                                queued for the plugin (image_queue.h):
//     record(io_error)           runs the workload once on a blank disk
//                                (crash steps flush and reboot inside the
//                                guest) → the trace the plugin recorded
//                                (phase tags included), the events and the
//                                stabilisation spans, the console; given an
//                                io-error fault, the plugin fails that
//                                request of the run (disk_model.h io_error)
//                                and the trace is the run as served;
//     recover(image)             powers the guest on with a crash image and
//                                reads the recovered state back; reads of the
//                                read_errors sectors fail during that boot;
//                                given the next call's image too, it queues
//                                that one behind the current one, so the
//                                next power-on finds it waiting (see below);
//     live_cut(cut)              runs the workload with the plugin frozen at
//                                request `cut` (the device fails from there
//                                on, the guest's boot ends), then recovers on
//                                the durable image the plugin kept;
//   record_qemu, recover_qemu, live_cut_qemu   the same, on a session leased
//                                from this thread's pool (session_pool.h),
//                                so a recording and the recoveries after it
//                                share one QEMU; record_qemu also judges the
//                                recording (below).
// The workload reaches the guest as a blob in RAM (workload_blob.h); every
// run gets the same seed-derived scheduling as the in-process tier.
// Timeouts: cfg.timeout per QEMU boot; a boot past it is RunResult hang.
// Setup errors: every boot is judged by boot_health.h (record runs and
// recovery boots each by their own BootHealth), which throws InputError
// (exit 2, one line) when QEMU, the kernel image, the plugin or the
// timeout, not the system under test, made it fail; record_qemu also when
// the guest never reached the workload (no kMarkBoot). What is returned is
// the system under test's doing. A fault the plugin cannot honour is an
// InputError too: a read-error sector outside the disk, an io-error request
// the run never reached, an io-error that is not one.
// Handover order: the plugin serves queued orders in the order the session
// queued them; a boot is judged only as the order it was handed: an image
// queued ahead is served only to the recover() call given the same image
// and read_errors (another call stops the guest that may have claimed it
// and starts a new QEMU on its own order), and a boot that hangs or dies is
// retried, or the next call served, on an order queued again behind nothing.
// Invariant: every file lives in a private temp directory removed on return
// (or with the session); errors are one line in `error`.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "injector/common/seeded_bugs.h"
#include "injector/crash/crash_model.h"
#include "injector/crash/trace.h"
#include "injector/qemu/boot_health.h"
#include "injector/qemu/guest_report.h"
#include "injector/qemu/qemu_runner.h"
#include "injector/workload/workload.h"

namespace sc::qemu {

struct TierConfig {
  std::string kernel_elf;  // stablecut-kernel.elf
  std::string plugin;      // stablecut_nbdkit.so
  std::chrono::milliseconds timeout{10000};
  std::vector<std::string> extra_qemu_args;  // e.g. a gdbstub
};

struct QemuRecording {
  RunResult run;
  std::string error;                 // why there is no trace (empty if there is one)
  std::optional<crash::Trace> trace;
  GuestRun guest;                    // events, spans, marks
  bool io_error_served = false;      // the plugin failed the io-error request
};

struct QemuRecovery {
  RunResult run;
  Readback readback;
};

struct LiveCut {
  QemuRecording recording;     // the run up to the cut (trace as far as the plugin saw it)
  std::vector<uint8_t> durable;  // the crash image "cut at i, nothing in flight kept"
  QemuRecovery recovery;
};

// The image (and failing sectors) of the recovery after this one.
struct NextBoot {
  std::span<const uint8_t> image;
  std::span<const uint64_t> read_errors;
};

class QemuSession {
 public:
  QemuSession(const Workload& w, const SeededBugs& bugs, const TierConfig& cfg);
  ~QemuSession();
  QemuSession(const QemuSession&) = delete;
  QemuSession& operator=(const QemuSession&) = delete;

  // The run as the plugin recorded it; `error` says why there is no trace.
  QemuRecording record(const std::optional<crash::Fault>& io_error = std::nullopt);
  // `image` is the whole crash image (w.disk_sectors() * 512 bytes).
  // Throws InputError (exit 2) on a setup error rather than return it as a
  // recovery (boot_health.h). `next`, if given, is queued for the next call.
  QemuRecovery recover(std::span<const uint8_t> image, std::span<const uint64_t> read_errors = {},
                       const NextBoot* next = nullptr);
  LiveCut live_cut(size_t cut);
  // How many QEMU processes the session has started (1 unless a boot hung or died).
  size_t qemu_starts() const { return runner_->qemu_starts(); }

 private:
  // An image in the plugin's queue, with what it was queued as.
  struct Queued {
    uint64_t number = 0;
    std::vector<uint8_t> image;
    std::vector<uint64_t> read_errors;
  };

  std::string queue_stem() const;
  void check_read_errors(std::span<const uint64_t> read_errors) const;
  uint64_t queue(std::span<const uint8_t> image, std::span<const uint64_t> read_errors,
                 std::span<const std::string> order = {});
  void drop_ahead();
  uint64_t take_or_queue(std::span<const uint8_t> image, std::span<const uint64_t> read_errors);
  RunResult boot_queued(uint64_t number);
  RunResult boot_again(std::span<const uint8_t> image, std::span<const uint64_t> read_errors);
  RunResult boot_with_timeout(std::chrono::milliseconds limit, const std::function<RunResult()>& boot);
  std::string trace_path(uint64_t number) const;
  std::string durable_path(uint64_t number) const;
  RunResult boot_record(std::vector<std::string> order, bool durable);
  QemuRecording record_order(const std::vector<std::string>& order, bool durable);

  std::unique_ptr<TempDir> dir_;
  std::unique_ptr<QemuRunner> runner_;
  std::unique_ptr<BootHealth> health_;         // recovery boots
  std::unique_ptr<BootHealth> record_health_;  // record runs
  uint64_t data_sectors_ = 0;
  uint64_t next_number_ = 0;      // queue numbers are never reused
  uint64_t record_number_ = 0;    // the last record boot's, which names its files
  std::optional<Queued> ahead_;   // queued for the next recover() (maybe claimed by the running guest)
};

QemuRecording record_qemu(const Workload& w, const SeededBugs& bugs, const TierConfig& cfg,
                          const std::optional<crash::Fault>& io_error = std::nullopt);
QemuRecovery recover_qemu(const Workload& w, const SeededBugs& bugs, std::span<const uint8_t> image,
                          const TierConfig& cfg, std::span<const uint64_t> read_errors = {});
LiveCut live_cut_qemu(const Workload& w, const SeededBugs& bugs, size_t cut, const TierConfig& cfg);

}  // namespace sc::qemu

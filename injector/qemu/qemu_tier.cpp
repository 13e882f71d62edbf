// qemu_tier.cpp — see qemu_tier.h.
#include "injector/qemu/qemu_tier.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "injector/common/input_error.h"
#include "injector/crash/trace_file.h"
#include "injector/crash/whole_file.h"
#include "injector/qemu/boot_health.h"
#include "injector/qemu/workload_blob.h"
#include "injector/nbdkit/image_queue.h"

namespace sc::qemu {

namespace {

constexpr auto kFileWait = std::chrono::milliseconds(5000);
constexpr auto kFilePoll = std::chrono::microseconds(500);

std::vector<uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The plugin writes its files when the connection closes, which may be just
// after QEMU is reaped.
bool wait_for_file(const std::string& path) {
  const auto deadline = std::chrono::steady_clock::now() + kFileWait;
  while (!std::filesystem::exists(path)) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(kFilePoll);
  }
  return true;
}

std::unique_ptr<TempDir> make_dir() {
  std::string error;
  std::unique_ptr<TempDir> dir = TempDir::create(&error);
  if (!dir) throw std::runtime_error(error);
  return dir;
}

RunConfig run_config(const TierConfig& cfg, const std::string& blob, std::vector<std::string> plugin_args) {
  RunConfig rc;
  rc.kernel_elf = cfg.kernel_elf;
  rc.nbd.plugin = cfg.plugin;
  rc.nbd.plugin_args = std::move(plugin_args);
  rc.extra_qemu_args = blob_loader_args(blob);
  rc.extra_qemu_args.insert(rc.extra_qemu_args.end(), cfg.extra_qemu_args.begin(), cfg.extra_qemu_args.end());
  rc.timeout = cfg.timeout;
  return rc;
}

std::string write_blob(const TempDir& dir, const Workload& w, const SeededBugs& bugs, rv::blob::Mode mode) {
  const std::string path = dir.file(mode == rv::blob::kModeRecord ? "record.blob" : "recover.blob");
  const std::vector<uint8_t> blob = encode_workload_blob(w, bugs, mode);
  crash::write_whole_file(path, blob.data(), blob.size());
  return path;
}

// Boots a record-mode run with the plugin arguments given; loads the trace.
QemuRecording run_recording(const TempDir& dir, const Workload& w, const SeededBugs& bugs, const TierConfig& cfg,
                            std::vector<std::string> extra_args) {
  const std::string trace_path = dir.file("trace.json");
  std::vector<std::string> args = {"size=" + std::to_string(w.disk_sectors() * kSectorSize), "trace=" + trace_path};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  QemuRunner runner(run_config(cfg, write_blob(dir, w, bugs, rv::blob::kModeRecord), std::move(args)));
  QemuRecording rec;
  if (std::string error = runner.start_disk(); !error.empty()) {
    rec.error = error;
    rec.run.error = error;
    return rec;
  }
  rec.run = runner.boot();
  if (!wait_for_file(trace_path)) {
    rec.error = "the plugin wrote no trace (" + std::string(outcome_name(rec.run.outcome)) + ")";
    return rec;
  }
  runner.stop_disk();
  crash::TraceFile file = crash::load_trace_file(trace_path);
  rec.guest = parse_marks(file.meta);
  rec.io_error_served = file.meta.contains("io_error") && file.meta["io_error"].value("served", false);
  rec.trace.emplace(std::move(file.trace));
  return rec;
}

QemuRecording record_once(const Workload& w, const SeededBugs& bugs, const TierConfig& cfg,
                          const std::vector<std::string>& fault_args) {
  const std::unique_ptr<TempDir> dir = make_dir();
  return run_recording(*dir, w, bugs, cfg, fault_args);
}

// The plugin arguments of an io-error fault (none without one).
std::vector<std::string> io_error_args(const std::optional<crash::Fault>& fault) {
  if (!fault) return {};
  if (fault->kind != crash::Mode::io_error || fault->detail > 1)
    throw InputError(fmt::format("a QEMU record run takes an io-error fault with detail 0 or 1, not {} detail {}",
                                 crash::mode_name(fault->kind), fault->detail));
  return {fmt::format("io_error={}:{}", fault->request, fault->detail)};
}

// The guest reports the workload's first boot (kMarkBoot) before any step.
bool reached_workload(const QemuRecording& rec) {
  return std::any_of(rec.guest.marks.begin(), rec.guest.marks.end(), [](const rv::channel::Mark& m) {
    return m.kind == rv::channel::kMark && m.args[0] == rv::channel::kMarkBoot;
  });
}

// A record run that hung is run once more with the calibration timeout
// (boot_health.h); if that one ends, it is the recording.
QemuRecording healthy_recording(const Workload& w, const SeededBugs& bugs, const TierConfig& cfg,
                                const std::vector<std::string>& fault_args) {
  QemuRecording rec = record_once(w, bugs, cfg, fault_args);
  std::optional<QemuRecording> slow;
  BootHealth health(cfg.kernel_elf, cfg.timeout, "record run of " + w.name);
  RunResult judged = health.judge(rec.run, [&](std::chrono::milliseconds limit) {
    TierConfig patient = cfg;
    patient.timeout = limit;
    slow = record_once(w, bugs, patient, fault_args);
    return slow->run;
  });
  if (slow && judged.outcome != Outcome::hang) return std::move(*slow);
  rec.run = std::move(judged);
  return rec;
}

}  // namespace

QemuRecording record_qemu(const Workload& w, const SeededBugs& bugs, const TierConfig& cfg,
                          const std::optional<crash::Fault>& io_error) {
  QemuRecording rec = healthy_recording(w, bugs, cfg, io_error_args(io_error));
  if (rec.trace && !reached_workload(rec))
    throw InputError(fmt::format("--kernel {}: the record run of {} never reached the workload ({}, exit {})",
                                 cfg.kernel_elf, w.name, outcome_name(rec.run.outcome), rec.run.exit_code));
  if (rec.trace && io_error && !rec.io_error_served)
    throw InputError(fmt::format("io-error at request {}: the run of {} sent only {} requests", io_error->request,
                                 w.name, rec.trace->requests().size()));
  if (rec.error.empty() && (!finished_cleanly(rec.run) || !rec.guest.ended))
    rec.error = std::string("record run did not finish: ") + outcome_name(rec.run.outcome) + ", exit " +
                std::to_string(rec.run.exit_code);
  return rec;
}

// One QEMU in power-cycle mode: each recovery boot ends with "SC DONE" and a
// machine reset; the next boot's kPowerOn makes the plugin claim the lowest
// image of its queue (image_queue.h), which recover() filled in boot order.
RecoverySession::RecoverySession(const Workload& w, const SeededBugs& bugs, const TierConfig& cfg)
    : dir_(make_dir()), data_sectors_(w.disk_sectors()) {
  const std::string blob = write_blob(*dir_, w, bugs, rv::blob::kModeRecover);
  RunConfig rc = run_config(cfg, blob,
                            {"size=" + std::to_string(w.disk_sectors() * kSectorSize), "next_image=" + queue_stem()});
  rc.boot_end_marker = "SC DONE";
  runner_ = std::make_unique<QemuRunner>(std::move(rc));
  health_ = std::make_unique<BootHealth>(cfg.kernel_elf, cfg.timeout, "recovery boot of " + w.name);
}

RecoverySession::~RecoverySession() { runner_.reset(); }

std::string RecoverySession::queue_stem() const { return dir_->file("next.raw"); }

void RecoverySession::check_read_errors(std::span<const uint64_t> read_errors) const {
  for (const uint64_t sector : read_errors)
    if (sector >= data_sectors_)
      throw InputError(fmt::format("read-error at sector {}: the disk has sectors 0..{}", sector, data_sectors_ - 1));
}

uint64_t RecoverySession::queue(std::span<const uint8_t> image, std::span<const uint64_t> read_errors) {
  const uint64_t number = next_number_++;
  nbd::stage_image(queue_stem(), number, image, read_errors);
  return number;
}

// The queue number of this boot's image: the one queued ahead if it is this
// image, else this image queued now — after stopping a guest that may have
// claimed the one queued ahead.
uint64_t RecoverySession::take_or_queue(std::span<const uint8_t> image, std::span<const uint64_t> read_errors) {
  std::optional<Queued> ahead = std::exchange(ahead_, std::nullopt);
  if (ahead && std::ranges::equal(ahead->image, image) && std::ranges::equal(ahead->read_errors, read_errors))
    return ahead->number;
  if (ahead) {
    runner_->stop_guest();
    nbd::withdraw_image(queue_stem(), ahead->number);
  }
  return queue(image, read_errors);
}

// A retry of a boot that hung: QEMU is gone, so nothing claims from the
// queue; the image is queued again, in front of the one queued ahead.
RunResult RecoverySession::boot_again(std::span<const uint8_t> image, std::span<const uint64_t> read_errors) {
  if (ahead_) nbd::withdraw_image(queue_stem(), ahead_->number);
  const uint64_t number = queue(image, read_errors);
  if (ahead_) ahead_->number = queue(ahead_->image, ahead_->read_errors);
  return boot_queued(number);
}

// A boot that ended QEMU before its power-on claimed its image leaves it
// queued: it is withdrawn, so that the next QEMU's first power-on takes the
// image queued ahead (or the next call's).
RunResult RecoverySession::boot_queued(uint64_t number) {
  RunResult result = runner_->boot();
  if (result.outcome != Outcome::rebooted) nbd::withdraw_image(queue_stem(), number);
  return result;
}

// A hung boot is judged by boot_health.h, which may boot the same image
// again with a longer timeout.
QemuRecovery RecoverySession::recover(std::span<const uint8_t> image, std::span<const uint64_t> read_errors,
                                      const NextBoot* next) {
  check_read_errors(read_errors);
  if (next) check_read_errors(next->read_errors);
  const uint64_t number = take_or_queue(image, read_errors);
  if (next)
    ahead_ = Queued{queue(next->image, next->read_errors), {next->image.begin(), next->image.end()},
                    {next->read_errors.begin(), next->read_errors.end()}};
  QemuRecovery r;
  r.run = health_->judge(boot_queued(number), [&](std::chrono::milliseconds limit) {
    const std::chrono::milliseconds usual = runner_->timeout();
    runner_->set_timeout(limit);
    RunResult again = boot_again(image, read_errors);
    runner_->set_timeout(usual);
    return again;
  });
  r.readback = parse_readback(r.run.console);
  return r;
}

QemuRecovery recover_qemu(const Workload& w, const SeededBugs& bugs, std::span<const uint8_t> image,
                          const TierConfig& cfg, std::span<const uint64_t> read_errors) {
  RecoverySession session(w, bugs, cfg);
  return session.recover(image, read_errors);
}

LiveCut live_cut_qemu(const Workload& w, const SeededBugs& bugs, size_t cut, const TierConfig& cfg) {
  const std::unique_ptr<TempDir> dir = make_dir();
  const std::string durable = dir->file("durable.raw");
  LiveCut live;
  live.recording = run_recording(*dir, w, bugs, cfg, {"freeze_at=" + std::to_string(cut), "durable=" + durable});
  if (!live.recording.error.empty() || !wait_for_file(durable)) return live;
  live.durable = read_file(durable);
  live.recovery = recover_qemu(w, bugs, live.durable, cfg);
  return live;
}

}  // namespace sc::qemu

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
#include "injector/qemu/session_pool.h"
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

std::string write_blob(const TempDir& dir, const Workload& w, const SeededBugs& bugs) {
  const std::string path = dir.file("workload.blob");
  const std::vector<uint8_t> blob = encode_workload_blob(w, bugs);
  crash::write_whole_file(path, blob.data(), blob.size());
  return path;
}

// The plugin settings of an io-error fault (none without one).
std::vector<std::string> io_error_order(const std::optional<crash::Fault>& fault) {
  if (!fault) return {};
  if (crash::is_call_fault(fault->kind))
    throw InputError(fmt::format("{} runs in-process only (it faults a manager's system call); use --tier inproc",
                                 crash::mode_name(fault->kind)));
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

// The trace the plugin wrote for a record order, read and removed.
void load_recording(const std::string& trace_path, QemuRecording* rec) {
  crash::TraceFile file = crash::load_trace_file(trace_path);
  std::filesystem::remove(trace_path);
  rec->guest = parse_marks(file.meta);
  rec->io_error_served = file.meta.contains("io_error") && file.meta["io_error"].value("served", false);
  rec->trace.emplace(std::move(file.trace));
}

}  // namespace

QemuRecording record_qemu(const Workload& w, const SeededBugs& bugs, const TierConfig& cfg,
                          const std::optional<crash::Fault>& io_error) {
  QemuRecording rec = lease_session(w, bugs, cfg)->record(io_error);
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

// One QEMU in power-cycle mode: each boot ends with "SC DONE" and a machine
// reset; the next boot's kPowerOn makes the plugin claim the lowest order of
// its queue (image_queue.h), which the session fills in boot order.
QemuSession::QemuSession(const Workload& w, const SeededBugs& bugs, const TierConfig& cfg)
    : dir_(make_dir()), data_sectors_(w.disk_sectors()) {
  const std::string blob = write_blob(*dir_, w, bugs);
  RunConfig rc = run_config(cfg, blob,
                            {"size=" + std::to_string(w.disk_sectors() * kSectorSize), "next_image=" + queue_stem()});
  rc.boot_end_marker = "SC DONE";
  runner_ = std::make_unique<QemuRunner>(std::move(rc));
  health_ = std::make_unique<BootHealth>(cfg.kernel_elf, cfg.timeout, "recovery boot of " + w.name);
  record_health_ = std::make_unique<BootHealth>(cfg.kernel_elf, cfg.timeout, "record run of " + w.name);
}

QemuSession::~QemuSession() { runner_.reset(); }

std::string QemuSession::queue_stem() const { return dir_->file("next.raw"); }

void QemuSession::check_read_errors(std::span<const uint64_t> read_errors) const {
  for (const uint64_t sector : read_errors)
    if (sector >= data_sectors_)
      throw InputError(fmt::format("read-error at sector {}: the disk has sectors 0..{}", sector, data_sectors_ - 1));
}

uint64_t QemuSession::queue(std::span<const uint8_t> image, std::span<const uint64_t> read_errors,
                            std::span<const std::string> order) {
  const uint64_t number = next_number_++;
  nbd::stage_image(queue_stem(), number, image, read_errors, order);
  return number;
}

// Takes the image queued ahead off the queue, stopping a guest that may
// have claimed it.
void QemuSession::drop_ahead() {
  std::optional<Queued> ahead = std::exchange(ahead_, std::nullopt);
  if (!ahead) return;
  runner_->stop_guest();
  nbd::withdraw_image(queue_stem(), ahead->number);
}

// The queue number of this boot's image: the one queued ahead if it is this
// image, else this image queued now, after drop_ahead().
uint64_t QemuSession::take_or_queue(std::span<const uint8_t> image, std::span<const uint64_t> read_errors) {
  if (ahead_ && std::ranges::equal(ahead_->image, image) && std::ranges::equal(ahead_->read_errors, read_errors))
    return std::exchange(ahead_, std::nullopt)->number;
  drop_ahead();
  return queue(image, read_errors);
}

// A retry of a boot that hung: QEMU is gone, so nothing claims from the
// queue; the image is queued again, in front of the one queued ahead.
RunResult QemuSession::boot_again(std::span<const uint8_t> image, std::span<const uint64_t> read_errors) {
  if (ahead_) nbd::withdraw_image(queue_stem(), ahead_->number);
  const uint64_t number = queue(image, read_errors);
  if (ahead_) ahead_->number = queue(ahead_->image, ahead_->read_errors);
  return boot_queued(number);
}

// A boot that ended QEMU before its power-on claimed its order leaves it
// queued: it is withdrawn, so that the next QEMU's first power-on takes the
// image queued ahead (or the next call's).
RunResult QemuSession::boot_queued(uint64_t number) {
  RunResult result = runner_->boot();
  if (result.outcome != Outcome::rebooted) nbd::withdraw_image(queue_stem(), number);
  return result;
}

// `boot` with the runner's timeout at `limit` (a calibration boot).
RunResult QemuSession::boot_with_timeout(std::chrono::milliseconds limit, const std::function<RunResult()>& boot) {
  const std::chrono::milliseconds usual = runner_->timeout();
  runner_->set_timeout(limit);
  RunResult result = boot();
  runner_->set_timeout(usual);
  return result;
}

// A hung boot is judged by boot_health.h, which may boot the same image
// again with a longer timeout.
QemuRecovery QemuSession::recover(std::span<const uint8_t> image, std::span<const uint64_t> read_errors,
                                  const NextBoot* next) {
  check_read_errors(read_errors);
  if (next) check_read_errors(next->read_errors);
  const uint64_t number = take_or_queue(image, read_errors);
  if (next)
    ahead_ = Queued{queue(next->image, next->read_errors), {next->image.begin(), next->image.end()},
                    {next->read_errors.begin(), next->read_errors.end()}};
  QemuRecovery r;
  r.run = health_->judge(boot_queued(number), [&](std::chrono::milliseconds limit) {
    return boot_with_timeout(limit, [&] { return boot_again(image, read_errors); });
  });
  r.readback = parse_readback(r.run.console);
  return r;
}

std::string QemuSession::trace_path(uint64_t number) const { return dir_->file(fmt::format("trace.{}.json", number)); }
std::string QemuSession::durable_path(uint64_t number) const { return dir_->file(fmt::format("durable.{}.raw", number)); }

// One record boot: a blank disk with the order's settings and files of its
// own (a hung boot's plugin may write its files late); the plugin writes
// them at kEnd, at the cut, or when QEMU's connection closes.
RunResult QemuSession::boot_record(std::vector<std::string> order, bool durable) {
  record_number_ = next_number_;
  order.push_back("trace=" + trace_path(record_number_));
  if (durable) order.push_back("durable=" + durable_path(record_number_));
  return boot_queued(queue({}, {}, order));
}

// The recording of the last record boot judged healthy (boot_health.h).
QemuRecording QemuSession::record_order(const std::vector<std::string>& order, bool durable) {
  drop_ahead();
  QemuRecording rec;
  rec.run = record_health_->judge(boot_record(order, durable), [&](std::chrono::milliseconds limit) {
    return boot_with_timeout(limit, [&] { return boot_record(order, durable); });
  });
  const std::string trace = trace_path(record_number_);
  if (!wait_for_file(trace)) {
    rec.error = "the plugin wrote no trace (" + std::string(outcome_name(rec.run.outcome)) + ")";
    return rec;
  }
  load_recording(trace, &rec);
  return rec;
}

QemuRecording QemuSession::record(const std::optional<crash::Fault>& io_error) {
  return record_order(io_error_order(io_error), false);
}

LiveCut QemuSession::live_cut(size_t cut) {
  LiveCut live;
  live.recording = record_order({"freeze_at=" + std::to_string(cut)}, true);
  const std::string durable = durable_path(record_number_);
  if (!live.recording.error.empty() || !wait_for_file(durable)) return live;
  live.durable = read_file(durable);
  std::filesystem::remove(durable);
  live.recovery = recover(live.durable);
  return live;
}

QemuRecovery recover_qemu(const Workload& w, const SeededBugs& bugs, std::span<const uint8_t> image,
                          const TierConfig& cfg, std::span<const uint64_t> read_errors) {
  return lease_session(w, bugs, cfg)->recover(image, read_errors);
}

LiveCut live_cut_qemu(const Workload& w, const SeededBugs& bugs, size_t cut, const TierConfig& cfg) {
  return lease_session(w, bugs, cfg)->live_cut(cut);
}

}  // namespace sc::qemu

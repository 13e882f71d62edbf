// disk_model.h — the state behind our nbdkit plugin, free of nbdkit so it
// can be unit-tested: the crash model's RecordingDisk (injector/crash) over
// the data sectors, plus the control sector of the stablecut guest
// (kernel/abi/host_channel.h) one past them.
//
// One DiskModel lives for one NBD connection: open() loads the base image
// (if any) afresh, so one nbdkit serves many QEMUs, each from the image file
// as it is when it connects; with next_image= one connection serves many
// power-ons.
// Byte interface (what NBD asks): pread/pwrite/flush take byte offsets that
// must be 512-aligned (the plugin advertises a 512-byte minimum block size);
// each returns 0 or an errno value and, on error, a one-line reason.
// Behaviour:
//  * reads return the newest written data (a write-back cache);
//  * a write with fua, or announced by a kFua record, is recorded as FUA; the
//    flush the guest sends right after a kFua write is part of it, not recorded;
//  * control records set the phase, or are kept as marks with the request
//    index they arrived at (events, boot/step/crash marks);
//  * after kEnd nothing more is recorded: flushes succeed, writes fail;
//  * a read of the control sector returns this power-on's boot order
//    (host_channel.h): kBootRecord if it has a trace= to write, else
//    kBootRecover;
//  * the trace and durable files of a power-on are written once
//    (save_run()): at kEnd, at a live cut, at the next kPowerOn or when the
//    connection closes, whichever comes first;
//  * freeze_at=i: when request i (a data write or flush) arrives, the power
//    goes off: that request and every later one fail with EIO (a kPowerOn
//    under next_image= turns it on again), and durable_image() is the crash
//    state "cut at i, nothing in flight kept";
//  * next_image=STEM: at each kPowerOn record (a guest that reset itself
//    starts a boot) the model waits for the host's next queued image
//    (image_queue.h: STEM.<n>, served in increasing n), claims it, loads it
//    as the whole disk, deletes it and starts afresh (trace, marks, FUA
//    state, power). With it come its failing sectors (STEM.<n>.faults, one
//    decimal number a line, each read touching them fails with EIO during
//    that power-on: read-error faults, crash_model.h) and its record order
//    (STEM.<n>.order: this power-on's trace=, durable=, freeze_at= and
//    io_error=; without one, the power-on has none of them: a recovery).
//    `pause` is how it waits, and a pause that returns false (nbdkit
//    shutting down, the client gone) or a wait past kNextImageWait fails
//    the record with EIO. The plugin's own freeze_at= and io_error= are for
//    a connection without next_image= (the plugin refuses both together).
//  * io_error={request, lands} (a record run): when data request `request`
//    (a WRITE or FLUSH, counted as the trace counts them) arrives, it fails
//    with EIO once (io-error faults). A failed FLUSH and a failed WRITE with
//    lands=false leave no trace; a failed WRITE with lands=true is recorded
//    as the write it was (its data may still reach the media; FUA only if it
//    was a FUA write). The failing request is the first to fail, so up to it
//    the issued and the recorded count agree. The trace's meta "io_error"
//    says whether the request was reached ("served");
//  * a kIoError record (the guest saw a request fail and checks that the
//    power is on) is kept as a mark.
// Invariant: nothing outside [0, data sectors] + control sector is touched.
#pragma once
#include <chrono>
#include <cstddef>
#include <functional>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "injector/crash/recording_disk.h"
#include "kernel/abi/host_channel.h"

namespace sc::nbd {

struct IoErrorSpec {
  size_t request = 0;
  bool lands = false;  // a failed WRITE's data reaches the media anyway
};

struct ModelConfig {
  std::optional<uint64_t> size_bytes;  // data bytes; else the image's size
  std::string image;                   // raw base image, loaded at each open
  std::string trace;                   // trace file of the run (see save_run())
  std::string durable;                 // durable raw image of the run
  std::optional<size_t> freeze_at;
  std::string next_image;              // the stem of the queue of next power-ons' images
  std::optional<IoErrorSpec> io_error;
};

// Sleeps `wait` while waiting for a queued image; false = stop waiting.
using Pause = std::function<bool(std::chrono::microseconds wait)>;
constexpr auto kNextImageWait = std::chrono::seconds(60);

class DiskModel {
 public:
  // Loads the base image; throws std::runtime_error (one line) if it cannot.
  explicit DiskModel(const ModelConfig& config, Pause pause = nullptr);

  uint64_t size_bytes() const { return (data_sectors_ + 1) * kSectorSize; }
  int pread(void* buf, uint32_t count, uint64_t offset, std::string* why);
  int pwrite(const void* buf, uint32_t count, uint64_t offset, bool fua, std::string* why);
  int flush(std::string* why);

  const crash::RecordingDisk& disk() const { return *disk_; }
  const std::vector<rv::channel::Mark>& marks() const { return marks_; }
  bool ended() const { return ended_; }
  bool powered_off() const { return powered_off_; }
  bool io_error_served() const { return io_error_served_; }
  const std::vector<uint64_t>& read_errors() const { return read_errors_; }
  // Writes this power-on's trace / durable image files (if it names any),
  // once per power-on: 0, or EIO and a one-line reason.
  int save_run(std::string* why) noexcept;

 private:
  enum class FuaState { none, expect_write, expect_flush };
  void start_run(crash::SectorMap base);
  void save(const ModelConfig& config) const;
  void read_boot_order(uint8_t* out) const;
  int control(const uint8_t* record, std::string* why);
  int power_on(std::string* why);
  std::optional<std::string> claim_next_image();
  bool power_cut_now();
  std::string power_cut_message() const;
  bool io_error_now();
  int fail_write(uint64_t sector, uint32_t sectors, const void* buf, bool fua, std::string* why);
  int load_faults(const std::string& path, std::string* why);
  int load_order(const std::string& path, std::string* why);

  uint64_t data_sectors_ = 0;
  std::unique_ptr<crash::RecordingDisk> disk_;
  std::string next_image_;
  ModelConfig run_;  // this power-on's settings: trace, durable, freeze_at, io_error
  std::vector<rv::channel::Mark> marks_;
  FuaState fua_ = FuaState::none;
  bool ended_ = false;
  bool powered_off_ = false;
  bool saved_ = false;       // this power-on's files are written
  std::string save_error_;   // why writing them at the live cut failed
  uint64_t claimed_ = 0;  // the queue number of the image this power-on serves
  std::vector<uint64_t> read_errors_;  // sorted; empty unless the image came with faults
  bool io_error_served_ = false;
  Pause pause_;
};

// Applies one plugin parameter (key=value) to `config`: "" or a one-line
// error. apply_run_setting takes only the settings of one power-on (trace,
// durable, freeze_at, io_error), which a record order may carry too, and
// returns nullopt for any other key.
std::string apply_setting(ModelConfig* config, const std::string& key, const std::string& value);
std::optional<std::string> apply_run_setting(ModelConfig* config, const std::string& key, const std::string& value);

// Parses io_error=I[:D]: request index I, D = 1 if the data lands (else 0).
std::optional<IoErrorSpec> parse_io_error(const std::string& text);

// Parses the data size of `size=` (bytes, a multiple of 512, with an
// optional K/M/G suffix); nullopt if malformed.
std::optional<uint64_t> parse_size(const std::string& text);

}  // namespace sc::nbd

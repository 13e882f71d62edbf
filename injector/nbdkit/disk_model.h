// disk_model.h — the state behind our nbdkit plugin, free of nbdkit so it
// can be unit-tested: the crash model's RecordingDisk (injector/crash) over
// the data sectors, plus the control sector of the stablecut guest
// (kernel/abi/host_channel.h) one past them.
//
// One DiskModel lives for one NBD connection, i.e. one power-on: open() loads
// the base image (if any) afresh, so one nbdkit serves many boots, each from
// the image file as it is when the boot connects.
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
//  * freeze_at=i: when request i (a data write or flush) arrives, the power
//    goes off: that request and every later one fail with EIO, and
//    durable_image() is the crash state "cut at i, nothing in flight kept";
//  * next_image=PATH: at each kPowerOn record (a guest that reset itself
//    starts a recovery boot) the model waits for PATH to appear (the host
//    renames it into place), loads it as the whole disk, deletes it and starts
//    afresh (trace, marks, FUA state); `pause` is how it waits, and a pause
//    that returns false (nbdkit shutting down) or a wait past
//    kNextImageWait fails the record with EIO. next_image and freeze_at
//    exclude each other (the plugin refuses both).
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

struct ModelConfig {
  std::optional<uint64_t> size_bytes;  // data bytes; else the image's size
  std::string image;                   // raw base image, loaded at each open
  std::string trace;                   // trace file written at each close
  std::string durable;                 // durable raw image written at each close
  std::optional<size_t> freeze_at;
  std::string next_image;              // the crash image of the next power-on
};

// Sleeps a little while waiting for next_image; false = stop waiting.
using Pause = std::function<bool()>;
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
  // Writes the trace / durable image files the config names (if any).
  void save(const ModelConfig& config) const;

 private:
  enum class FuaState { none, expect_write, expect_flush };
  int control(const uint8_t* record, std::string* why);
  int power_on(std::string* why);
  bool wait_for_next_image();
  bool power_cut_now();

  uint64_t data_sectors_ = 0;
  std::unique_ptr<crash::RecordingDisk> disk_;
  std::optional<size_t> freeze_at_;
  std::vector<rv::channel::Mark> marks_;
  FuaState fua_ = FuaState::none;
  bool ended_ = false;
  bool powered_off_ = false;
  std::string next_image_;
  Pause pause_;
};

// Parses the data size of `size=` (bytes, a multiple of 512, with an
// optional K/M/G suffix); nullopt if malformed.
std::optional<uint64_t> parse_size(const std::string& text);

}  // namespace sc::nbd

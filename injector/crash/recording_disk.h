// recording_disk.h — the disk of an offline run: serves the running system and
// records every request it sends into a Trace.
// Reads return the newest written data (the volatile view the running system
// sees, as a write-back cache would). Each request is tagged with the phase
// last given to set_phase(). The base is all zeros, a SectorMap, or an
// existing crash image (flattened once), so a recovery run, which may write,
// can itself be recorded for nested cuts.
// Live cut: freeze_at(i) fixes a power cut just before request i; later
// requests are still served and recorded (the guest keeps running until it is
// killed), but durable_image() is the crash state "nothing in flight kept" at
// cut min(i, requests so far). Without freeze_at(), durable_image() cuts now.
// Failing request (io-error, crash_model.h FAULT CLASSES): fail_request(i,
// lands) makes the i-th WRITE or FLUSH the system sends (counted from 0 over
// every request, failed or not) return Status::io_error. A failed FLUSH is not
// recorded (it made nothing durable; earlier writes stay in flight). A failed
// WRITE is recorded as an ordinary write when `lands` (its data may still
// reach the media) and not at all otherwise; either way reads do not see it
// unless recorded. Requests before i are recorded exactly as without the fault.
// Invariant: out-of-range requests return Status::bad_argument, are not
// recorded and change nothing.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <utility>

#include "crash_image.h"
#include "kernel/core/block_device.h"
#include "trace.h"

namespace sc::crash {

class RecordingDisk final : public BlockDevice {
 public:
  // A recording from a blank disk reserves room for a whole disk of writes
  // (touched only as written): growing the payload by doubling copied it
  // and, under ASan, mapped fresh pages each time (a sixth of a fuzz input).
  explicit RecordingDisk(uint64_t sector_count) : trace_(sector_count) {
    trace_.reserve_payload(std::min(sector_count, kMaxReservedSectors) * kSectorSize);
  }
  RecordingDisk(uint64_t sector_count, SectorMap base) : trace_(sector_count, std::move(base)) {}
  explicit RecordingDisk(const ImageView& base) : trace_(base.sector_count(), base.flatten()) {}

  uint64_t sector_count() const override { return trace_.sector_count(); }
  Status read(uint64_t sector, uint32_t count, void* buf) override;
  Status write(uint64_t sector, uint32_t count, const void* buf, bool fua) override;
  Status flush() override;
  void set_phase(Phase phase) override { phase_ = phase; }

  const Trace& trace() const { return trace_; }
  // The trace, moved out (the disk records nothing after this).
  Trace take_trace() { return std::move(trace_); }

  void fail_request(size_t issued, bool lands) {
    fail_at_ = issued;
    fail_lands_ = lands;
  }
  // True once the failing request was issued (and failed).
  bool failed_request() const { return fail_at_ && issued_ > *fail_at_; }

  void freeze_at(size_t cut) { frozen_at_ = cut; }
  bool frozen() const { return frozen_at_.has_value(); }
  size_t cut() const;
  CrashImage durable_image() const;

 private:
  static constexpr uint64_t kMaxReservedSectors = uint64_t{1} << 17;  // 64 MiB

  Trace trace_;
  Phase phase_ = Phase::RUN;
  std::unordered_map<uint64_t, uint64_t> newest_;  // sector -> payload sector
  std::optional<size_t> frozen_at_;
  std::optional<size_t> fail_at_;
  bool fail_lands_ = false;
  size_t issued_ = 0;  // WRITE and FLUSH requests issued so far, failed ones included

  // Counts one issued WRITE or FLUSH; true if it is the one to fail.
  bool fails_now() { return fail_at_ == issued_++; }
  Status record_write(uint64_t sector, uint32_t count, const void* buf, bool fua);
};

}  // namespace sc::crash

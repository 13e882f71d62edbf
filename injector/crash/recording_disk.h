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
// Invariant: out-of-range requests return Status::bad_argument, are not
// recorded and change nothing.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>

#include "crash_image.h"
#include "kernel/core/block_device.h"
#include "trace.h"

namespace sc::crash {

class RecordingDisk final : public BlockDevice {
 public:
  explicit RecordingDisk(uint64_t sector_count) : trace_(sector_count) {}
  RecordingDisk(uint64_t sector_count, SectorMap base) : trace_(sector_count, std::move(base)) {}
  explicit RecordingDisk(const ImageView& base) : trace_(base.sector_count(), base.flatten()) {}

  uint64_t sector_count() const override { return trace_.sector_count(); }
  Status read(uint64_t sector, uint32_t count, void* buf) override;
  Status write(uint64_t sector, uint32_t count, const void* buf, bool fua) override;
  Status flush() override;
  void set_phase(Phase phase) override { phase_ = phase; }

  const Trace& trace() const { return trace_; }

  void freeze_at(size_t cut) { frozen_at_ = cut; }
  bool frozen() const { return frozen_at_.has_value(); }
  size_t cut() const;
  CrashImage durable_image() const;

 private:
  Trace trace_;
  Phase phase_ = Phase::RUN;
  std::unordered_map<uint64_t, uint64_t> newest_;  // sector -> payload sector
  std::optional<size_t> frozen_at_;
};

}  // namespace sc::crash

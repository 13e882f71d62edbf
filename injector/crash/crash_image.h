// crash_image.h — a crash image as layers, never a full copy:
//   fault sectors (what a fault state's faults changed, fault_image.h; empty
//   for a clean power cut)
//   -> delta (kept in-flight sectors of one crash state, sorted by sector)
//   -> durable layer (DurableState, shared by all states of a cut)
//   -> base image (the trace's SectorMap) -> zeros.
// Interface: build_delta() computes a state's delta and fingerprint in
// O(kept sectors); ImageView reads the layered image; build_crash_image()
// rebuilds any crash state from a trace alone (how replay works) and returns
// an owning CrashImage. A DeltaSource gives a delta only when it is first
// asked for (the enumerator's CutTable: most states are decided from their
// fingerprint and the provenance of a few sectors). Invariant: every layer
// points into the trace payload; an ImageView is valid while the
// DurableState and delta (or DeltaSource) it names are.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "crash_model.h"
#include "durable_state.h"
#include "fault_image.h"
#include "sector_map.h"
#include "trace.h"

namespace sc::crash {

struct DeltaEntry {
  uint64_t sector;
  size_t request;
  uint64_t payload_sector;
  uint64_t contribution;
};

// Fills `delta` with the sectors `kept` changes over `durable` and returns the
// image fingerprint. `kept` must be in increasing request order and name
// writes in flight at durable.cut() (see crash_state_error()).
uint64_t build_delta(const DurableState& durable, std::span<const KeptWrite> kept,
                     std::vector<DeltaEntry>& delta);

// Why a CrashState is not a crash state of a trace: the offending field
// (e.g. "kept[2].request") and what was expected there.
struct CrashStateError {
  std::string field;
  std::string expected;
};

// Checks `state` against durable.trace() at durable.cut(), which must equal
// state.cut; nullopt if it is a crash state of the trace.
std::optional<CrashStateError> crash_state_error(const DurableState& durable, const CrashState& state);

// The delta of one crash state, built when first asked for. provenance(s)
// names the content the state leaves at sector s: 0 for the durable (or
// base) content, else 1 + the payload sector of the in-flight write that
// left it (fault sectors aside).
class DeltaSource {
 public:
  virtual std::span<const DeltaEntry> delta() const = 0;
  virtual uint64_t provenance(uint64_t sector) const = 0;

 protected:
  ~DeltaSource() = default;
};

class ImageView {
 public:
  ImageView(const DurableState& durable, std::span<const DeltaEntry> delta, uint64_t fingerprint,
            std::span<const FaultSector> faulted = {})
      : durable_(&durable), delta_(delta), faulted_(faulted), fingerprint_(fingerprint) {}
  ImageView(const DurableState& durable, const DeltaSource& source, uint64_t fingerprint,
            std::span<const FaultSector> faulted = {})
      : durable_(&durable), source_(&source), faulted_(faulted), fingerprint_(fingerprint) {}

  uint64_t sector_count() const { return durable_->trace().sector_count(); }
  uint64_t fingerprint() const { return fingerprint_; }
  const DurableState& durable() const { return *durable_; }
  std::span<const DeltaEntry> delta() const { return source_ != nullptr ? source_->delta() : delta_; }
  std::span<const FaultSector> faulted() const { return faulted_; }
  // See DeltaSource; fault sectors are not looked at.
  uint64_t provenance(uint64_t sector) const;

  // Content of `sector` (< sector_count()), or nullptr if it is zeros.
  const uint8_t* sector(uint64_t sector) const;
  void read_sector(uint64_t sector, uint8_t* out) const;
  // The whole image, sector_count() * 512 bytes (for tests and export).
  std::vector<uint8_t> bytes() const;
  // Every sector some layer defines, copied once (base for a nested recording).
  SectorMap flatten() const;

 private:
  const uint8_t* faulted_sector(uint64_t sector) const;

  const DurableState* durable_;
  std::span<const DeltaEntry> delta_;
  const DeltaSource* source_ = nullptr;  // when set, the delta is its
  std::span<const FaultSector> faulted_;
  uint64_t fingerprint_;
};

// An owning crash image rebuilt from a trace; the trace must outlive it.
class CrashImage {
 public:
  CrashImage(const Trace& trace, const CrashState& state);
  ImageView view() const { return ImageView(*durable_, delta_, fingerprint_, faulted_); }

 private:
  std::unique_ptr<TraceHashes> hashes_;
  std::unique_ptr<DurableState> durable_;
  std::vector<DeltaEntry> delta_;
  std::vector<FaultSector> faulted_;
  uint64_t fingerprint_ = 0;
};

// Rebuilds `state` from `trace`; throws std::invalid_argument if `state` is
// not a crash state of `trace`.
CrashImage build_crash_image(const Trace& trace, const CrashState& state);

}  // namespace sc::crash

// fault_image.h — what the image faults of a crash state (crash_model.h,
// FAULT CLASSES: lying-flush, misdirected, lost-write, bit-rot,
// sub-sector-tear) do to its image, as a top layer of owned sectors over the
// power-cut layers (crash_image.h).
// Interface: image_fault_error() says whether a state's fault list fits its
// trace; apply_image_faults() computes the sectors the faults change and
// updates the image fingerprint. Both the enumerator and build_crash_image()
// call them, so the two paths give the same image bit for bit.
// Rule: each changed sector is rebuilt from the trace: the base content,
// then every surviving write covering it in request order, where a write
// survives if it is durable at the cut (a FUA write, or one before a FLUSH;
// a lied FLUSH or FUA makes nothing durable) or kept by the state, a lost
// write survives nowhere, a misdirected write lands only where it was sent,
// and a torn write (sub-sector-tear) survives at its torn sector with only
// its first detail bytes; then bit-rot flips its bit.
// Invariant: a state with no faults gets no fault sectors (the power-cut path
// never pays for faults).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "crash_model.h"
#include "durable_state.h"

namespace sc::crash {

struct CrashStateError;
struct DeltaEntry;

// One sector a fault changed, with its whole content.
struct FaultSector {
  uint64_t sector = 0;
  std::array<uint8_t, kSectorSize> data{};
};

constexpr uint32_t kSectorBits = kSectorSize * 8;

// True for the fault classes this file applies to images.
bool is_image_fault(Mode mode);
// True for the modes judged on images of the recording's trace, the ones
// explore() enumerates: the power cuts and the image faults (not read-error,
// io-error, call-error or call-misuse, which act on recovery or re-record
// the run).
inline bool judged_on_trace_images(Mode mode) { return !is_fault_mode(mode) || is_image_fault(mode); }

// True if two faults hit the same target, so one state may not hold both:
// the same request (lying-flush, misdirected, lost-write), the same sector of
// the same write (sub-sector-tear), the same bit (bit-rot).
bool same_target(const Fault& a, const Fault& b);

// Checks state.faults against the trace at durable.cut() (== state.cut);
// nullopt if each fault fits (field names like "faults[0].sector").
std::optional<CrashStateError> image_fault_error(const DurableState& durable, const CrashState& state);

// Fills `out` (sorted by sector) with the sectors the state's faults change
// over the power-cut image (`durable` + `delta`) and returns the fingerprint
// of the faulted image given the power-cut one. The state must be valid.
uint64_t apply_image_faults(const DurableState& durable, std::span<const DeltaEntry> delta,
                            const CrashState& state, uint64_t fingerprint, std::vector<FaultSector>& out);

}  // namespace sc::crash

// crash_model.h — the crash model of stablecut (DESIGN.md §4), in prose first,
// then the vocabulary types every other file of injector/crash uses.
//
// THE RULES
//
// The disk is a write-back device with 512-byte sectors. A trace is the
// sequence of requests the running system sent to it, each a WRITE (with or
// without FUA) or a FLUSH, each tagged with the protocol phase it was issued in.
//
//  * A WRITE is acknowledged before it is durable: after the acknowledgement
//    its data sits in a volatile cache and may or may not reach the media.
//  * A FLUSH makes every write acknowledged before it durable.
//  * A WRITE with FUA is durable when it is acknowledged (only that write;
//    it says nothing about earlier writes still in the cache).
//
// A power cut at index i means "power was lost just before request i
// executed"; i runs over 0..requests.size() inclusive (the last value is a cut
// after the whole run). A write j < i is *durable at cut i* if it had FUA or a
// FLUSH lies between j and i; every other write j < i is *in flight at i*.
//
// A CRASH STATE after a cut at i is: every write durable at i, plus any subset
// of the writes in flight at i, each one kept whole, dropped, or torn (any
// subset of its 512-byte sectors kept; sectors never tear inside). All
// surviving writes are applied in request order: for each sector the image
// holds the data of the latest surviving write covering it. In particular a
// later in-flight write to a sector wins over an earlier one only when it is
// kept, and a kept in-flight write never undoes a newer durable write (the
// drive cache is coherent; stale data is not written back over newer data).
// Sectors no surviving write covers keep the base image's content.
//
// FILES. A system that keeps files (SQLite through injector/sqlite's VFS)
// keeps them on the same device: a file's existence and size are a metadata
// sector of the device, and creating, deleting, extending or truncating a
// file is a WRITE of that sector like any other. So a crash keeps or loses a
// create, delete or size change by exactly the rules above: durable once a
// FLUSH (the file or directory sync) or FUA follows it, otherwise in flight,
// kept or dropped independently of the data it describes (a size kept
// without its data exposes what the sectors held before). A created file, or
// one truncated to zero, gets sectors no earlier incarnation of it wrote (an
// allocating file system's fresh blocks), so a lost delete or truncation
// leaves the old incarnation whole (injector/sqlite/file_region.h).
//
// A crash state is named by (cut, mode, kept writes); a kept write names its
// request and a sector mask. Bit j of the mask keeps chunk j of the write,
// where a chunk is ceil(count / 64) sectors (one sector for writes of up to 64
// sectors). kWholeWrite (all ones) keeps the write whole.
//
// FAULT CLASSES
//
// Beyond the clean power cuts above (modes prefix, reorder, torn: the
// default), each storage fault class is an enumeration mode of its own,
// chosen with --modes and off by default. A fault state is a power-cut state
// plus CrashState::faults (at most the fault budget, default 1), each fault
// drawn from the one seeded PRNG and written into traces and case files so a
// replay rebuilds it bit for bit. Fault::request, ::sector and ::detail mean:
//
//  * lying-flush — request: a FLUSH (or a FUA write) before the cut that was
//    acknowledged but not honoured: every write it should have made durable
//    stays in flight at the cut, as if the request had not been issued (a
//    lied FUA write is an ordinary write). The state keeps none of the
//    writes the lie left in flight (its kept writes are those in flight
//    without the lie), so they are lost unless a later FLUSH saved them.
//  * misdirected — request: a write before the cut; sector: where its first
//    sector landed instead (same partition, or the kernel area; the
//    enumerator, which knows no partitions, draws it inside the trace's
//    written extent); the sectors it was meant for keep what they held
//    without it. Where it landed, it counts as that sector's write in request
//    order (a later write there still wins) if it survives at the cut.
//  * lost-write — request: a write durable at the cut that never reached the
//    media, though a later FLUSH reported it durable.
//  * bit-rot — sector: a sector a durable write covers; request: the newest
//    durable write of that sector (whose data rots); detail: the bit
//    (0..4095) that flips before recovery.
//  * read-error — sector: a sector recovery reads; every read of it during
//    recovery fails with an I/O error (a latent sector error); request and
//    detail are 0. The image itself is the power-cut state's.
//  * io-error — request: a WRITE or FLUSH of the run that returned an error
//    to its issuer; detail: 1 if a failed WRITE's data reached the media
//    anyway. The run is recorded again with that error, so the manager's and
//    the kernel's error paths run, and the crash states are those of the new
//    trace. request is the index of the failing request among those the run
//    issued (the same index in the clean trace: every earlier request is
//    recorded alike). A failed FLUSH is not in the new trace (it made
//    nothing durable: earlier writes stay in flight until a later FLUSH); a
//    failed WRITE is in it, as an ordinary write, only when detail is 1.
//  * call-error — request: the ordinal of a system call the managers made in
//    the run (counted over every boot, from 0; the checker's read-back of a
//    recovered system is not counted), which returned Status::io_error
//    without reaching the kernel — a kernel call that failed for a reason
//    outside the manager's control; detail: which call it is
//    (managers/sdk/sys_call.h SysCall), so a run recorded again that meets
//    another call there is refused. The run is recorded again with that
//    failure, in-process only (the seam is kernel/harness/call_fault/), and
//    the crash states are those of the new trace from the failure on.
//  * call-misuse — as call-error, but the call reaches the kernel with one
//    argument corrupted (kernel/harness/call_fault/call_misuse.h: a forged
//    capref, a page, container or block number one past the largest), one
//    every correct kernel refuses whatever the state; detail: which call (not
//    disk_blocks or disk_flush, which take no argument). The kernel's answer
//    goes back to the manager; an answer of success is a finding of its own
//    (invariant K4, kernel/core/kernel.h), reported while recording.
//  * sub-sector-tear — request: a write in flight at the cut; sector: one of
//    its sectors, which keeps the first detail (1..511) bytes of the new data
//    and the rest old, what it held without the write (disks without sector
//    atomicity); a later surviving write to the sector hides the tear.
//
// Legality (injector/oracle/legal_window.h): under a power cut alone, and
// under sub-sector-tear (it tears only data in flight), the legal states are
// those of the cut. Under a fault that destroys durable data (lying-flush,
// misdirected, lost-write, bit-rot, read-error) recovery may also refuse
// cleanly — outcome detected: it reports the corruption or I/O error it found
// and what it could not trust — or fall back to an older stable state it can
// still trust: any state legal at a cut just before the earliest request
// whose data the fault took away (fault_floor(): the lied FLUSH, the lost
// write, the rotten sector's write; for a misdirected write, which may land
// on any earlier data, and for read-error, the start of the trace). It must
// never return wrong data as if it were good (corrupt). Under io-error, a stabilisation that returned an error
// is not counted as stable, and one that returned success must survive.
// Under call-error, from the failed call until the next power cut any op or
// stabilisation may fail (the manager may fail-stop): a failed op changes
// nothing, a failed stabilisation is not counted as stable; everything that
// returned success is judged as always, and a recovery the failed call made
// fail ends the run cleanly (reference_model.h). call-misuse is judged
// alike from the misused call on: a kernel that refused it changed nothing,
// and a manager may fail-stop on the refusal as on any failed call.
//
// NOT YET MODELLED: power cuts in the middle of recovery that is not itself
// recorded.
#pragma once
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "injector/vocab/crash_mode.h"
#include "kernel/core/phase.h"

namespace sc::crash {

enum class Kind : uint8_t { write, flush };

// One request of the trace. For a write, payload_offset is the byte offset of
// its count * 512 bytes of data in the trace payload; unused for a flush.
struct Request {
  Kind kind = Kind::flush;
  uint64_t sector = 0;
  uint32_t count = 0;
  bool fua = false;
  Phase phase = Phase::RUN;
  uint64_t payload_offset = 0;
};

// A set of enumeration modes (Mode, kModeCount, mode_name and parse_mode are
// the shared vocabulary of injector/vocab/crash_mode.h).
using ModeSet = std::bitset<kModeCount>;

ModeSet power_cut_modes();
ModeSet only(Mode mode);
// The fault classes that fault a manager's system call (is_call_fault():
// in-process only), and the first of them `modes` asks for, if any.
ModeSet call_fault_modes();
std::optional<Mode> call_fault_in(const ModeSet& modes);

constexpr uint64_t kWholeWrite = ~uint64_t{0};

struct KeptWrite {
  size_t request = 0;
  uint64_t sector_mask = kWholeWrite;

  friend bool operator==(const KeptWrite&, const KeptWrite&) = default;
};

// One injected storage fault (FAULT CLASSES above). kind is a fault mode;
// what request, sector and detail mean depends on it (see the rules).
struct Fault {
  Mode kind = Mode::bit_rot;
  size_t request = 0;   // the trace request the fault applies to, if any
  uint64_t sector = 0;  // the device sector it applies to, if any
  uint32_t detail = 0;  // a bit index, a byte count or a flag, per kind

  friend bool operator==(const Fault&, const Fault&) = default;
};

// Kept writes are listed in increasing request order. faults is empty for a
// clean power cut.
struct CrashState {
  size_t cut = 0;
  Mode kind = Mode::prefix;
  std::vector<KeptWrite> kept;
  std::vector<Fault> faults;

  friend bool operator==(const CrashState&, const CrashState&) = default;
};

// The most faults one crash state may carry (--faults, trace files).
constexpr size_t kMaxFaults = 8;

// True for the modes the enumerator and crash images implement (the power-cut
// modes and the fault classes implemented so far); --modes accepts only these.
bool mode_enumerated(Mode mode);

// True if a fault of the state destroys durable data (a clean refusal is legal).
bool may_destroy_durable_data(const CrashState& state);

// The earliest request whose data a destroying fault of the state may have
// taken away (see the Legality rules): the oracle also allows every stable
// state legal at a cut there. state.cut if no fault destroys durable data.
size_t fault_floor(const CrashState& state);

// The state's fault that changed the run it belongs to (io-error: the run
// failed that request; call-error, call-misuse: that kernel call), if any.
std::optional<Fault> run_fault(const CrashState& state);

// Sectors per mask bit for a write of `count` sectors (1 when count <= 64).
inline uint32_t sectors_per_chunk(uint32_t count) { return count <= 64 ? 1 : (count + 63) / 64; }

// Number of mask bits a write of `count` sectors uses (1..64).
inline uint32_t chunk_count(uint32_t count) {
  const uint32_t per = sectors_per_chunk(count);
  return (count + per - 1) / per;
}

// Mask bits that keep every chunk of a write of `count` sectors.
inline uint64_t full_mask(uint32_t count) {
  const uint32_t n = chunk_count(count);
  return n >= 64 ? kWholeWrite : (uint64_t{1} << n) - 1;
}

// True if `mask` is meaningful for a write of `count` sectors: nonzero, and
// either kWholeWrite or using no bits beyond the write's chunks.
inline bool valid_mask(uint64_t mask, uint32_t count) {
  return mask != 0 && (mask == kWholeWrite || (mask & ~full_mask(count)) == 0);
}

inline bool sector_kept(uint64_t mask, uint32_t count, uint32_t j) {
  return (mask >> (j / sectors_per_chunk(count))) & 1;
}

}  // namespace sc::crash

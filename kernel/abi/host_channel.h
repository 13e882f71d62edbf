// host_channel.h — guest↔host contract: the control channel from the
// stablecut guest to our nbdkit plugin (injector/nbdkit) and the QEMU tier
// that reads the plugin's log (injector/qemu), shared by both sides (stdint
// only).
//
// Version rule: kMagic names the version. Any change to the Record layout,
// a kind's or mark's arguments or numbering changes kMagic; the plugin fails
// every control write with another magic (EIO), so a stale kernel image and
// a new plugin never misread each other. New kinds or marks may be added
// under the same magic only if an older reader fails them as unknown.
//
// The disk the plugin serves is one sector longer than the image: the last
// sector (index data_sectors) is the CONTROL SECTOR. A 512-byte write to it
// carries one Record; the plugin interprets it and never records it as data.
// Because the guest issues one request at a time and the plugin serialises
// all requests, records are totally ordered with the data requests: a record
// takes effect exactly between the requests around it. A read of the control
// sector returns the BOOT ORDER of the current power-on, one Record
// {kMagic, kBootOrder, {BootMode}}: kBootRecord if the plugin records this
// power-on's run (it writes a trace of it), else kBootRecover.
//
// Records (kind; args):
//   kPhase   (phase)          later requests are tagged with this sc::Phase
//   kFua     ()               the next data write is a FUA write; the flush the
//                             driver sends after it (virtio-blk has no FUA) is
//                             part of it and is not recorded as a FLUSH
//   kFlush   ()               a FLUSH follows; sent so QEMU's block layer, which
//                             drops a flush with no write since the last one,
//                             always forwards it
//   kEvent   (op kind, home, container, manager, page, hash, status)
//                             one executed workload op (injector/workload/event.h)
//   kMark    (mark kind, a, b, c)  a position in the run (MarkKind)
//   kEnd     ()               the run is over: later requests (QEMU's flush on
//                             exit) are served but not recorded
//   kPowerOn ()               a boot starts, before any disk request: a
//                             plugin given next_image= claims the next image
//                             the host queued (or waits for it), with its
//                             order (record or recover), and serves it from
//                             here on as a freshly powered-on disk (one QEMU,
//                             many runs and crash images); it is accepted
//                             even after a live cut took the power away;
//                             otherwise a no-op
//   kIoError (request kind, sector, count, status)
//                             the data request just sent failed in the guest
//                             (request kind: 0 read, 1 write, 2 flush). A
//                             plugin whose power is off fails this write too,
//                             so the guest tells a power cut (every request
//                             fails) from an injected I/O error (only that
//                             one); the plugin keeps it as a mark
// Invariant: magic is kMagic and kind is known, else the plugin fails the
// write (EIO).
//
// Mark is a kEvent or kMark record as its host-side readers keep it: the
// plugin logs each one with its position in the trace ("meta.marks" of the
// trace file) and the QEMU tier reads that log back; both use this type.
#pragma once
#include <stdint.h>

namespace rv::channel {

constexpr uint32_t kMagic = 0x32544353;  // "SCT2": 2 = control-sector reads carry the boot order
constexpr uint32_t kArgs = 7;

enum Kind : uint32_t {
  kPhase = 1, kFua = 2, kFlush = 3, kEvent = 4, kMark = 5, kEnd = 6, kPowerOn = 7, kIoError = 8,
  kBootOrder = 9,  // only read from the control sector, never written
};

// What the guest does with this power-on (the boot order's args[0]).
enum BootMode : uint64_t {
  kBootRecover = 1,  // boot (recovery), read the recovered state back, reset
  kBootRecord = 2,   // run the workload's steps, then reset
};

// kMark kinds and their arguments.
enum MarkKind : uint64_t {
  kMarkBoot = 1,      // (status, failed manager, committed epoch): boot() returned
  kMarkStep = 2,      // (step index): a run step starts
  kMarkCrash = 3,     // (step index): a crash step starts (flush, then reboot)
  kMarkOpBegin = 4,   // (op kind, locus home, manager): a stabilise op is attempted
};

struct Record {
  uint32_t magic;
  uint32_t kind;
  uint64_t args[kArgs];
};

struct Mark {
  uint64_t at;  // data requests recorded before the record arrived
  uint32_t kind;
  uint64_t args[kArgs];
};

}  // namespace rv::channel

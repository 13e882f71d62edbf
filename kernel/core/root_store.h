// root_store.h — the kernel's stable media for root pages and consistent cuts.
//
// Disk layout of the kernel area (512-byte sectors):
//   sector 0, 1          cut records, ping-pong: cut epoch e lives in sector e % 2
//   sector 8 + 9*(2*r+c) root copy c (0 or 1) of root slot r (r < kMaxSelfManaging):
//                        one header sector, then the 8 sectors of the page
//   sectors [0, kKernelAreaSectors) belong to the kernel; manager partitions follow.
//
// A root copy header holds magic, manager id, version and a checksum over the
// header fields and the page. A cut record holds magic, epoch, one entry per
// self-managing manager (manager, root page number, version, which copy) and
// a checksum. Recovery trusts only records and copies whose checksum holds.
//
// Invariants (numbered as the protocol relies on them):
//  R1. A new root copy is written to the copy NOT named by the last durable
//      cut, so the copy that cut needs is never overwritten.
//  R2. The cut record is written only after every root copy it names is
//      durable (each root copy is written with FUA).
//  R3. The cut record write (FUA) is the single commit point of a
//      stabilisation: before it is durable recovery yields the previous cut,
//      after it the new one.
//  R4. Cut record e overwrites cut record e-2, never e-1, the last durable.
#pragma once
#include <stdint.h>

#include "block_device.h"
#include "ids.h"
#include "limits.h"

namespace sc {

constexpr uint64_t kKernelAreaSectors = 128;
constexpr uint64_t kRootCopySectors = 1 + kSectorsPerPage;
// Root page ABI: the kernel reads the manager's invocation point from here.
constexpr uint32_t kRootPageEntryOffset = 8;

struct CutEntry {
  ManagerId manager;
  uint8_t copy;  // 0 or 1
  uint32_t root_page;
  uint32_t version;
};

struct CutRecord {
  uint64_t epoch = 0;
  uint32_t count = 0;
  CutEntry entries[kMaxSelfManaging];

  const CutEntry* find(ManagerId m) const;
  // Sets (adds or replaces) the entry of e.manager; false if full.
  bool set(const CutEntry& e);
};

uint64_t root_copy_sector(ManagerId root_slot, uint8_t copy);

Status write_root_copy(BlockDevice& disk, ManagerId manager, uint8_t copy, uint32_t version,
                       const uint8_t* page);
// Reads and validates copy `copy` of `manager`; Status::corrupt unless the
// checksum holds and the header names `manager`. *version receives its version.
Status read_root_copy(BlockDevice& disk, ManagerId manager, uint8_t copy, uint8_t* page,
                      uint32_t* version);

Status write_cut_record(BlockDevice& disk, const CutRecord& cut);
// Recompute a sealed record's checksum in place, for tools that alter the
// on-disk records on purpose (the fuzzers): a cut record is one sector; a
// root copy is kRootCopySectors sectors, its header sector then its page.
void seal_cut_record(uint8_t* sector);
void seal_root_copy(uint8_t* copy);
// The newest valid cut record; Status::not_found if neither slot is valid.
Status read_newest_cut(BlockDevice& disk, CutRecord* cut);

}  // namespace sc

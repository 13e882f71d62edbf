// workload_blob.h — guest↔host contract: the compact binary encoding of a
// workload run, shared by the host encoder (injector/qemu/workload_blob.cpp)
// and the guest decoder (kernel/arch/riscv64/guest_workload.cpp); stdint
// only. Both sides include this file; neither keeps a copy of its types.
//
// Version rule: any change to a field's meaning, order, size or to the op
// numbering (kernel/harness/op_kind.h) increments kVersion; the guest
// refuses any other version (FailCode::bad_workload), so a stale kernel
// image and a new host fail loudly instead of misreading each other.
//
// How it reaches the guest: the runner passes
//   -device loader,file=BLOB,addr=0x84000000,force-raw=on
// so QEMU copies the file into guest RAM at kBlobAddress before reset. The
// kernel finds the magic there and runs the workload instead of the self-test;
// nothing is rebuilt and nothing touches the disk. kBlobAddress is the first
// byte after the kernel's page pool (memory_layout.h), and the runner gives
// the guest 128 MiB.
//
// Layout, little-endian, every field a uint32_t unless named u64:
//   Header   magic, version, total_bytes, reserved, seed(u64), disk_sectors(u64),
//            kernel_bugs (bit set: kernel/harness/bug_bits.h), reserved,
//            manager_count, container_count, step_count
//   Manager  x manager_count: id, home, entry, managed_by,
//            partition_start(u64), partition_sectors(u64), bugs (the
//            program's own seeded-bug bits), reserved   (sc::ManagerConfig)
//   Step     x step_count: crash, locus_count, then per locus:
//            home, op_count, then per op: kind, container, manager, page, value(u64)
// Op kinds are sc::OpKind's values (create 0, write 1, read 2, stabilise 3).
// Invariant: the decoder checks magic, version, every count against its
// limits and every offset against total_bytes before use.
#pragma once
#include <stdint.h>

namespace rv::blob {

constexpr uint64_t kBlobAddress = 0x84000000;
constexpr uint64_t kMaxBlobBytes = 16ULL << 20;
constexpr uint32_t kMagic = 0x4c574353;  // "SCWL"
constexpr uint32_t kVersion = 3;  // 3: no mode; each power-on asks the plugin (host_channel.h kBootOrder)

struct Header {
  uint32_t magic;
  uint32_t version;
  uint32_t total_bytes;
  uint32_t reserved_mode;
  uint64_t seed;
  uint64_t disk_sectors;
  uint32_t kernel_bugs;
  uint32_t reserved0;
  uint32_t manager_count;
  uint32_t container_count;
  uint32_t step_count;
  uint32_t reserved;
};

struct Manager {
  uint32_t id;
  uint32_t home;
  uint32_t entry;
  uint32_t managed_by;
  uint64_t partition_start;
  uint64_t partition_sectors;
  uint32_t bugs;
  uint32_t reserved;
};

struct StepHeader {
  uint32_t crash;
  uint32_t locus_count;
};

struct LocusHeader {
  uint32_t home;
  uint32_t op_count;
};

struct Op {
  uint32_t kind;
  uint32_t container;
  uint32_t manager;
  uint32_t page;
  uint64_t value;
};

static_assert(sizeof(Header) == 56 && sizeof(Manager) == 40 && sizeof(Op) == 24, "blob layout");

}  // namespace rv::blob

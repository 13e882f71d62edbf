// fuzz_syscalls.cpp — bytes → a sequence of kernel calls on a freshly booted
// base system (base_system.h, empty disk): every sys_* call as any manager
// id (valid or not), every locus_* call from any locus id, inspection
// calls, and power cuts, with caprefs either handed out by earlier calls or
// forged (any slot, any generation), arbitrary container ids, pages
// (including kMaxPageNumber and beyond) and blocks. When a manager yields
// inside a stabilisation, the next op runs nested there (one level), as
// another locus would.
//
// Input encoding: each op is one selector byte then its argument bytes
// (ByteReader; a short input reads zeros). At most kMaxOps ops and
// kMaxPowerCuts power cuts per input.
// Invariants checked after every call (violation: abort, one line): the
// Status is a known code; every live container has a manager below
// kMaxManagers; no locus is frozen once a top-level call has returned
// (K1); the committed epoch never decreases between boots; plus GuardDisk's
// checks on every disk write. Bad calls must return an error Status; a
// crash or sanitizer report is a kernel bug.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "fuzz/base_system.h"
#include "fuzz/byte_reader.h"
#include "fuzz/digest.h"
#include "fuzz/guard_disk.h"
#include "fuzz/harnesses.h"
#include "kernel/core/bytes.h"
#include "kernel/hosted/machine.h"

namespace sc::fuzz {

namespace {

constexpr int kMaxOps = 256;
constexpr int kMaxPowerCuts = 4;
constexpr uint32_t kOpCount = 24;

[[noreturn]] void violation(const char* what, uint32_t op) {
  std::fprintf(stderr, "fuzz_syscalls: after op %u: %s\n", op, what);
  std::abort();
}

class Session {
 public:
  Session(Bytes input, Machine& machine, GuardDisk& disk) : in_(input), machine_(machine), disk_(disk) {}

  uint64_t run() {
    record(machine_.boot());
    machine_.platform().set_yield_hook([this] { nested(); });
    for (int i = 0; i < kMaxOps && !in_.empty(); ++i) {
      const uint32_t op = in_.below(kOpCount);
      record(call(op));
      check(op);
    }
    machine_.platform().set_yield_hook(nullptr);
    return digest_.value();
  }

 private:
  Kernel& k() { return machine_.kernel(); }

  void nested() {
    if (nesting_ > 0 || in_.empty()) return;
    ++nesting_;
    record(call(in_.below(kOpCount)));
    --nesting_;
  }

  void record(Status s) {
    if (static_cast<int32_t>(s) < 0 || s > kLastStatus) violation("unknown Status code", 0);
    digest_.add(static_cast<uint64_t>(s));
  }

  void check(uint32_t op) {
    for (ContainerId c = 0; c < kMaxContainers; ++c)
      if (k().container_exists(c) && k().container_manager(c) >= kMaxManagers) violation("container without manager", op);
    for (LocusId l = 0; l < kMaxLoci; ++l)
      if (k().locus_state(l) == LocusState::frozen) violation("locus still frozen after the call returned (K1)", op);
    if (k().committed_epoch() < epoch_) violation("committed epoch went backwards", op);
    epoch_ = k().committed_epoch();
  }

  Capref cap() {
    const uint8_t how = in_.u8();
    if (how < 0xa0 && !caps_.empty()) return caps_[how % caps_.size()];
    if (how < 0xf0) return Capref{in_.below(kMaxCaps + 8), in_.below(64)};
    return Capref{in_.u32(), in_.u32()};
  }
  void keep(Status s, Capref c) {
    if (!failed(s) && caps_.size() < 64) caps_.push_back(c);
  }
  LocusId locus() {
    const uint8_t how = in_.u8();
    if (how < 0xc0 && !loci_.empty()) return loci_[how % loci_.size()];
    return in_.u8();
  }
  ManagerId manager() { return static_cast<ManagerId>(in_.below(kMaxManagers + 2)); }
  ContainerId container() { return static_cast<ContainerId>(in_.flag() ? in_.u16() : in_.below(kMaxContainers + 2)); }
  uint32_t page() {
    const uint8_t how = in_.u8() % 4;
    if (how == 0) return kMaxPageNumber - 1 + in_.below(3);
    return how == 1 ? in_.u32() : in_.below(16);
  }
  uint64_t block() { return in_.flag() ? in_.u64() : in_.below(kBasePartitionBlocks + 2); }
  const uint8_t* data() {
    fill_bytes(page_.data(), in_.u8(), page_.size());
    return page_.data();
  }

  Status call(uint32_t op) {
    return op < 8 ? locus_call(op) : op < 22 ? manager_call(op) : machine_call(op);
  }

  Status locus_call(uint32_t op) {
    Capref c{};
    LocusId l = kNoLocus;
    Status s = Status::ok;
    switch (op) {
      case 0:
        s = k().create_locus(container(), &l);
        if (!failed(s) && loci_.size() < 16) loci_.push_back(l);
        return s;
      case 1: return k().destroy_locus(locus());
      case 2: {
        l = locus();
        const ContainerId id = container();
        s = k().locus_create_container(l, id, manager(), &c);
        keep(s, c);
        return s;
      }
      case 3: l = locus(); s = k().locus_open(l, container(), &c); keep(s, c); return s;
      case 4: {
        l = locus();
        c = cap();
        const uint32_t p = page();
        return k().locus_write(l, c, p, data());
      }
      case 5: l = locus(); c = cap(); return k().locus_read(l, c, page(), page_.data());
      case 6: l = locus(); return k().locus_request_stabilisation(l, manager());
      default: return Status::ok;
    }
  }

  Status manager_call(uint32_t op) {
    const ManagerId m = manager();
    Capref c{};
    Status s = Status::ok;
    switch (op) {
      case 8: return with_cap_page(op, m);
      case 9: return k().sys_snapshot_request(m, cap());
      case 10: s = k().sys_create_container(m, container(), &c); keep(s, c); return s;
      case 11:
      case 12:
      case 13: return with_cap_page(op, m);
      case 14: return dirty_pages(m);
      case 15:
      case 16: return with_cap_page(op, m);
      case 17: { uint64_t n = 0; return k().sys_disk_blocks(m, &n); }
      case 18: { const uint64_t b = block(); return k().sys_disk_read(m, b, disk_page_.data()); }
      case 19: return disk_write(m);
      case 20: return k().sys_disk_flush(m);
      default: k().sys_yield(m); return Status::ok;
    }
  }

  // The manager calls that take (capref, page[, data]), arguments read in order.
  Status with_cap_page(uint32_t op, ManagerId m) {
    const Capref c = cap();
    const uint32_t p = page();
    switch (op) {
      case 8: return k().sys_map_root_page(m, c, p);
      case 11: return k().sys_supply_page(m, c, p, in_.flag() ? nullptr : data());
      case 12: return k().sys_read_page(m, c, p, page_.data());
      case 13: return k().sys_write_page(m, c, p, data());
      case 15: return k().sys_clean_page(m, c, p);
      default: return k().sys_report_page(m, c, p);
    }
  }

  Status dirty_pages(ManagerId m) {
    std::array<uint32_t, kMaxFrames> pages{};
    uint32_t count = kMaxFrames + 1;
    const Status s = k().sys_dirty_pages(m, cap(), pages.data(), &count);
    if (!failed(s) && count > kMaxFrames) violation("sys_dirty_pages returned more than kMaxFrames pages", 14);
    return s;
  }

  Status disk_write(ManagerId m) {
    const uint64_t b = block();
    const BootConfig& config = machine_.config();
    for (uint32_t i = 0; i < config.manager_count; ++i)
      if (config.managers[i].id == m) disk_.confine(config.managers[i].partition_start, config.managers[i].partition_sectors);
    const Status s = k().sys_disk_write(m, b, data());
    disk_.release();
    return s;
  }

  Status machine_call(uint32_t op) {
    if (op == 22) {
      const ContainerId c = container();
      return k().inspect_read(c, page(), page_.data());
    }
    if (op == 23 && nesting_ == 0 && power_cuts_ < kMaxPowerCuts) {
      ++power_cuts_;
      disk_.crash();
      epoch_ = 0;
      return machine_.boot();
    }
    std::vector<uint32_t> pages;
    return machine_.enumerate(container(), &pages);
  }

  ByteReader in_;
  Machine& machine_;
  GuardDisk& disk_;
  Digest digest_;
  std::vector<Capref> caps_;
  std::vector<LocusId> loci_;
  std::array<uint8_t, kPageSize> page_{};
  std::array<uint8_t, kPageSize> disk_page_{};
  int nesting_ = 0;
  int power_cuts_ = 0;
  uint64_t epoch_ = 0;
};

Machine& machine_on(GuardDisk& disk) {
  static GuardDisk placeholder{1};
  static Machine machine(placeholder, boot_config(base_workload(), SeededBugs{}));
  machine.set_disk(disk);
  return machine;
}

}  // namespace

uint64_t run_syscalls(Bytes input) {
  GuardDisk disk(base_workload().disk_sectors());
  return Session(input, machine_on(disk), disk).run();
}

}  // namespace sc::fuzz

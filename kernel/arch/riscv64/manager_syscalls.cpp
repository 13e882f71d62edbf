// manager_syscalls.cpp — see manager_syscalls.h.
#include "kernel/arch/riscv64/manager_syscalls.h"

#include "kernel/arch/riscv64/user_args.h"

namespace rv {

namespace {

using sc::kPageSize;
using sc::Status;

// The calls with a buffer or a result pointer.
Status serve_memory_call(sc::Kernel& k, sc::ManagerId caller, uint64_t call, UserArgs& a) {
  switch (call) {
    case kManagerCreateContainer: {
      auto* out = reinterpret_cast<sc::Capref*>(a.out(1, sizeof(sc::Capref), alignof(sc::Capref)));
      return a.ok() ? k.sys_create_container(caller, static_cast<sc::ContainerId>(a.word(0)), out)
                    : Status::bad_argument;
    }
    case kManagerSupplyPage: {
      const uint8_t* data = a.word(2) == 0 ? nullptr : a.in(2, kPageSize);
      return a.ok() ? k.sys_supply_page(caller, a.cap(0), a.u32(1), data) : Status::bad_argument;
    }
    case kManagerReadPage: {
      uint8_t* buf = a.out(2, kPageSize);
      return a.ok() ? k.sys_read_page(caller, a.cap(0), a.u32(1), buf) : Status::bad_argument;
    }
    case kManagerWritePage: {
      const uint8_t* data = a.in(2, kPageSize);
      return a.ok() ? k.sys_write_page(caller, a.cap(0), a.u32(1), data) : Status::bad_argument;
    }
    case kManagerDirtyPages: {
      auto* pages = reinterpret_cast<uint32_t*>(a.out(1, sc::kMaxFrames * sizeof(uint32_t), alignof(uint32_t)));
      auto* count = reinterpret_cast<uint32_t*>(a.out(2, sizeof(uint32_t), alignof(uint32_t)));
      return a.ok() ? k.sys_dirty_pages(caller, a.cap(0), pages, count) : Status::bad_argument;
    }
    case kManagerDiskBlocks: {
      auto* blocks = reinterpret_cast<uint64_t*>(a.out(0, sizeof(uint64_t), alignof(uint64_t)));
      return a.ok() ? k.sys_disk_blocks(caller, blocks) : Status::bad_argument;
    }
    case kManagerDiskRead: {
      uint8_t* buf = a.out(1, kPageSize);
      return a.ok() ? k.sys_disk_read(caller, a.word(0), buf) : Status::bad_argument;
    }
    default: {  // kManagerDiskWrite
      const uint8_t* data = a.in(1, kPageSize);
      return a.ok() ? k.sys_disk_write(caller, a.word(0), data) : Status::bad_argument;
    }
  }
}

}  // namespace

bool serve_manager_call(sc::Kernel& k, sc::ManagerId caller, const AddressSpace& space, TrapFrame& frame) {
  UserArgs a(space, frame);
  const uint64_t call = frame.regs[kRegA7];
  switch (call) {
    case kManagerMapRootPage: answer(frame, k.sys_map_root_page(caller, a.cap(0), a.u32(1))); return true;
    case kManagerSnapshotRequest: answer(frame, k.sys_snapshot_request(caller, a.cap(0))); return true;
    case kManagerCleanPage: answer(frame, k.sys_clean_page(caller, a.cap(0), a.u32(1))); return true;
    case kManagerReportPage: answer(frame, k.sys_report_page(caller, a.cap(0), a.u32(1))); return true;
    case kManagerDiskFlush: answer(frame, k.sys_disk_flush(caller)); return true;
    case kManagerYield:
      k.sys_yield(caller);
      answer(frame, Status::ok);
      return true;
    case kManagerCreateContainer:
    case kManagerSupplyPage:
    case kManagerReadPage:
    case kManagerWritePage:
    case kManagerDirtyPages:
    case kManagerDiskBlocks:
    case kManagerDiskRead:
    case kManagerDiskWrite: answer(frame, serve_memory_call(k, caller, call, a)); return true;
    default: return false;
  }
}

}  // namespace rv

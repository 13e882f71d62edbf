// sys_call.h — the manager system calls (sys.h) by name, as the call-error
// and call-misuse fault classes count and name them
// (kernel/harness/call_fault/).
// Invariant: the values are stored in trace files and case files (a call
// fault's detail); never renumber.
#pragma once
#include <stdint.h>

namespace sc {

enum class SysCall : uint8_t {
  map_root_page,
  snapshot_request,
  create_container,
  supply_page,
  read_page,
  write_page,
  dirty_pages,
  clean_page,
  report_page,
  disk_blocks,
  disk_read,
  disk_write,
  disk_flush,
};
constexpr uint32_t kSysCallCount = 13;

// True if the call passes the kernel a value (a capref, a page, container or
// block number); disk_blocks and disk_flush pass none.
inline bool passes_value(SysCall call) {
  return call != SysCall::disk_blocks && call != SysCall::disk_flush && static_cast<uint32_t>(call) < kSysCallCount;
}

// The call's name as sys.h spells it ("disk_write"); "unknown" out of range.
inline const char* sys_call_name(SysCall call) {
  constexpr const char* kNames[kSysCallCount] = {
      "map_root_page", "snapshot_request", "create_container", "supply_page", "read_page",
      "write_page",    "dirty_pages",      "clean_page",       "report_page", "disk_blocks",
      "disk_read",     "disk_write",       "disk_flush"};
  const auto i = static_cast<uint32_t>(call);
  return i < kSysCallCount ? kNames[i] : "unknown";
}

}  // namespace sc

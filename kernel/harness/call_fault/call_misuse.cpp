// call_misuse.cpp — see call_misuse.h.
#include "kernel/harness/call_fault/call_misuse.h"

namespace sc {

static_assert(kMisusedPage == 1048576 && kMisusedContainer == 32, "misuse_description() names these numbers");

const char* misuse_description(SysCall call) {
  switch (call) {
    case SysCall::snapshot_request:
    case SysCall::read_page:
    case SysCall::dirty_pages:
    case SysCall::clean_page: return "a forged capref (the manager's own slot, a generation never issued)";
    case SysCall::map_root_page:
    case SysCall::supply_page:
    case SysCall::write_page:
    case SysCall::report_page: return "page 1048576 (one past the largest page number)";
    case SysCall::create_container: return "container 32 (one past the largest container id)";
    case SysCall::disk_read:
    case SysCall::disk_write: return "the block one past the end of the manager's partition";
    case SysCall::disk_blocks:
    case SysCall::disk_flush: break;
  }
  return "";
}

}  // namespace sc

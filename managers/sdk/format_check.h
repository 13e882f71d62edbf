// format_check.h — the optional format checker of a self-managing manager
// (host only: it may use the standard library). The oracle calls it on every
// crash state it checks, after the kernel's own fsck found the newest valid
// cut, with the manager's root page as that cut made it stable. It reads the
// manager's partition straight from the disk (never through the manager's
// recovery code) and appends one line per violated invariant of the
// manager's on-disk structures that a recovery would rely on. Only
// structures a correct manager guarantees at every instant may be checked:
// anything its recovery legitimately repairs (a log it replays, blocks it
// rewrites) is not a violation.
// Defined in a file listed under CHECKER in the manager's
// stablecut_add_manager() call, with STABLECUT_REGISTER_FORMAT_CHECK(<name>).
#pragma once
#include <stdint.h>

#include <string>
#include <vector>

#include "kernel/core/block_device.h"
#include "kernel/core/boot_config.h"
#include "kernel/core/limits.h"

namespace sc {

struct FormatCheckInput {
  BlockDevice& disk;
  const ManagerConfig& manager;  // partition_start / partition_sectors locate its partition
  const uint8_t* root_page;      // kPageSize bytes: the stable root page of the newest cut

  uint64_t partition_blocks() const { return manager.partition_sectors / kSectorsPerPage; }
  // Reads 4 KiB block `block` of the partition; false if outside it or unreadable.
  bool read_block(uint64_t block, uint8_t* buf) const {
    return block < partition_blocks() &&
           !failed(disk.read(manager.partition_start + block * kSectorsPerPage, kSectorsPerPage, buf));
  }
};

using FormatCheck = void (*)(const FormatCheckInput& in, std::vector<std::string>& violations);

}  // namespace sc

#define STABLECUT_REGISTER_FORMAT_CHECK(id)                \
  extern const ::sc::FormatCheck stablecut_format_check_##id; \
  const ::sc::FormatCheck stablecut_format_check_##id

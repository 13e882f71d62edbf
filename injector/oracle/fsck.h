// fsck.h — fsck-style invariants on the stable structures a recovery would
// use, read straight from the disk (not through the manager): for the newest
// valid cut, each self-managing manager's root copy is valid, and its own
// on-disk structures pass the format checker its program registered (if
// any; e.g. managers/shadow/shadow_check.cpp). Returns one line per
// violation (empty if none, or if there is no cut yet).
#pragma once
#include <string>
#include <vector>

#include "kernel/core/block_device.h"
#include "kernel/core/boot_config.h"

namespace sc {

std::vector<std::string> fsck_disk(BlockDevice& disk, const BootConfig& config);

}  // namespace sc

// selftest.h — the kernel's boot self-test of the riscv64 platform layer.
// Interface: run_selftest() checks U-mode entry, system calls, demand
// paging, user isolation, the isolation of manager programs
// (isolation_selftest.h) and the virtio-blk disk (write a pattern, flush,
// read back, verify); it returns nullptr when every check passed, else a
// one-line reason, and sets *code to the failure code for the finisher.
// Invariant: the disk checks write only to the sectors listed in
// selftest.cpp; the disk must be at least 16 sectors.
#pragma once

#include "kernel/arch/riscv64/finisher.h"

namespace rv {

const char* run_selftest(FailCode* code);

}  // namespace rv

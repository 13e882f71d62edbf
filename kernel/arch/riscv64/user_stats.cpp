// user_stats.cpp — see user_stats.h.
#include "kernel/arch/riscv64/user_stats.h"

#include "kernel/arch/riscv64/console.h"

namespace rv {

namespace {
UserStats stats;
}  // namespace

UserStats& user_stats() { return stats; }

void print_user_stats() {
  kprintf("SC USER managers=%lu loci=%lu ecalls=%lu faults=%lu nested=%lu\n", stats.managers, stats.loci,
          stats.ecalls, stats.faults, stats.nested);
}

}  // namespace rv

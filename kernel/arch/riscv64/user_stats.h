// user_stats.h — counts of what ran in U-mode since reset, for the console:
//   SC USER managers=<n> loci=<n> ecalls=<n> faults=<n> nested=<n>
// managers: manager programs constructed in U-mode (one per manager per
// boot); loci: workload loci started in U-mode; ecalls: system calls served
// (manager and locus calls, upcall returns included); faults: U-mode
// contexts killed (a trap other than ecall, an unknown call, an invalid
// answer); nested: upcalls that entered a manager while an earlier upcall
// of the same manager was suspended in a system call.
// Interface: user_stats() to count, print_user_stats() for the line.
// Invariant: the counters live in .bss, so every boot of the machine starts
// at zero; they only grow.
#pragma once
#include <stdint.h>

namespace rv {

struct UserStats {
  uint64_t managers;
  uint64_t loci;
  uint64_t ecalls;
  uint64_t faults;
  uint64_t nested;
};

UserStats& user_stats();
void print_user_stats();

}  // namespace rv

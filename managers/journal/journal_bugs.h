// journal_bugs.h — the seeded bugs of the journal manager, one bit each in
// the bug_bits its constructor takes (registered by name in
// journal_register.cpp). Each is a realistic author mistake that breaks one
// invariant of journal_format.h; with no bit set the manager is correct.
#pragma once
#include <stdint.h>

namespace sc::journal {

// Redo records hold new XOR old home content (a space optimisation): replay
// is no longer idempotent, breaking recovery after a partial apply.
constexpr uint32_t kBugXorReplay = 1;
// Recovery writes the superblock's applied marker without flushing the
// replayed home blocks first (breaks J5): only a cut during recovery shows it.
constexpr uint32_t kBugEarlyAppliedMark = 2;
// The snapshot applies its own transaction home right after publishing the
// root page, before the kernel made it stable (breaks J3).
constexpr uint32_t kBugApplyBeforeStable = 4;

}  // namespace sc::journal

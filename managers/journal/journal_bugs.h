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
// The snapshot marks the published transaction applied without flushing its
// home writes first, trusting the flush after the mark (breaks J5 in the
// snapshot): only a cut that keeps the mark but drops a home write shows it.
constexpr uint32_t kBugUnflushedApply = 8;
// Applying a record skips the write when the home block already matches the
// record in its first and last sector (saving writes on a replay): a torn
// home write with new ends and an old middle is taken as applied.
constexpr uint32_t kBugSkipByEnds = 16;
// Recovery loads a directory block that decodes without checking it is the
// one the catalog sealed (breaks J6): after a FLUSH or FUA the disk lied
// about, the next transaction's directory blocks may already be home, and
// recovery returns them with the older stable state (only a storage fault
// such as lying-flush shows it).
constexpr uint32_t kBugUnsealedDirectory = 32;
// Replay skips a data-page record whose home slot already matches it in the
// first 8 bytes of every 512-byte sector, sampling one word per sector
// instead of comparing the whole page: a torn write leaves whole sectors, old
// or new, so one word each shows which sectors were written. A disk without
// sector atomicity breaks that: a sector can keep its new first bytes and its
// old rest, and the slot is taken as applied (only sub-sector-tear shows it).
constexpr uint32_t kBugSkipBySectorHeads = 64;
// Recovery takes a first directory block that was never written (all zeros)
// for a manager that has not saved a page yet and recovers it empty, the
// way a fresh partition starts: but the catalog names a transaction, so a
// directory write the disk acknowledged, flushed and lost makes recovery
// forget every stabilised page and container, an older state than the cut
// allows (only lost-write shows it: a lie about the apply's FLUSH loses the
// catalog too, which recovery reads first and refuses).
constexpr uint32_t kBugBlankDirectoryIsFresh = 128;

}  // namespace sc::journal

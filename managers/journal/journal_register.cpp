// journal_register.cpp — the journal manager's entry in the manager
// registry: name, description, role, entry id, constructor and its seeded
// bugs (bits from journal_bugs.h).
#include "managers/journal/journal_bugs.h"
#include "managers/journal/journal_format.h"
#include "managers/journal/journal_manager.h"
#include "managers/sdk/manager_program.h"

namespace {

const sc::ManagerBug kJournalBugs[] = {
    {"journal-xor-replay", "redo records are XOR deltas against the old home block, so replaying twice corrupts",
     sc::journal::kBugXorReplay},
    {"journal-early-applied-mark",
     "recovery marks the transaction applied before the replayed home blocks are flushed",
     sc::journal::kBugEarlyAppliedMark},
    {"journal-apply-before-stable",
     "a snapshot writes its own transaction home before the kernel has made it stable",
     sc::journal::kBugApplyBeforeStable},
    {"journal-unflushed-apply",
     "a snapshot marks the previous transaction applied without flushing its home writes first",
     sc::journal::kBugUnflushedApply},
    {"journal-skip-by-ends",
     "replay skips a record whose home block already matches it in its first and last sector",
     sc::journal::kBugSkipByEnds},
    {"journal-unsealed-directory",
     "recovery loads a directory block without checking it is the one the catalog sealed, so after a lied-about "
     "commit it returns the next transaction's directory with the older state",
     sc::journal::kBugUnsealedDirectory, "lying-flush"},
    {"journal-skip-by-sector-heads",
     "replay skips a data-page record whose home slot already matches it in the first word of every sector, so a "
     "sector torn inside (new head, old rest) is kept",
     sc::journal::kBugSkipBySectorHeads, "sub-sector-tear"},
    {"journal-blank-directory-is-fresh",
     "recovery takes a never-written (all-zero) first directory block for a manager that has saved nothing and "
     "recovers it empty, so a lost directory write forgets every stabilised page",
     sc::journal::kBugBlankDirectoryIsFresh, "lost-write"},
};

}  // namespace

STABLECUT_REGISTER_MANAGER(journal) = {"journal",
                                       "write-ahead redo log with home blocks updated in place; recovery replays the log",
                                       sc::ManagerRole::self_managing,
                                       sc::journal::kEntryJournal,
                                       sc::construct_program<sc::JournalManager>,
                                       kJournalBugs,
                                       8};

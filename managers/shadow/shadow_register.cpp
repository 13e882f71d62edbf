// shadow_register.cpp — the shadow manager's entry in the manager registry
// (managers/sdk/manager_program.h): name, role, entry id, constructor and
// its seeded bugs.
#include "managers/shadow/shadow_manager.h"

namespace {

const sc::ManagerBug kShadowBugs[] = {
    {"shadow-skip-flush", "publishes the new checkpoint in the root page without flushing its blocks first",
     sc::kShadowBugSkipFlush},
    {"shadow-reuse-blocks", "frees superseded blocks at once, overwriting blocks the last durable cut still needs",
     sc::kShadowBugReuseBlocks},
    {"shadow-recover-frees-data",
     "recovery rebuilds the free map from the blocks it read, so the next snapshot overwrites live data blocks",
     sc::kShadowBugRecoverFreesData},
    {"shadow-trust-data", "serves a data block without checking it against the checksum in its map entry",
     sc::kShadowBugTrustData, "bit-rot,lost-write,misdirected"},
    {"shadow-ignore-flush-error",
     "the snapshot ignores a failed flush and publishes the checkpoint, so a stabilisation is reported done "
     "though its blocks never became durable",
     sc::kShadowBugIgnoreFlushError, "io-error"},
    {"shadow-zero-unreadable",
     "a page fault whose block cannot be read supplies a zero page instead of refusing, returning lost data as "
     "good",
     sc::kShadowBugZeroUnreadable, "read-error"},
    {"shadow-trust-stale-metadata",
     "recovery loads checkpoint, map and bitmap blocks that pass their own checksums without checking they are the "
     "ones the root page and the checkpoint name, so an older checkpoint's blocks left by a lost write are taken as "
     "the stable state",
     sc::kShadowBugTrustStaleMetadata, "lying-flush"},
    {"shadow-any-saved-checksum",
     "a page fault accepts a data block whose checksum is that of any saved page, not of its own map entry, so a "
     "write that landed on the wrong block is served as this page",
     sc::kShadowBugAnySavedChecksum, "misdirected"},
    {"shadow-unchecked-read-page",
     "the snapshot saves a dirty page without checking that read_page succeeded, so when the kernel call fails "
     "the zeroed buffer is written as the page and the stabilisation is reported done",
     sc::kShadowBugUncheckedReadPage, "call-error"},
};

}  // namespace

STABLECUT_REGISTER_MANAGER(shadow) = {
    "shadow",
    "shadow paging: dirty pages to fresh blocks, then map, bitmap and checkpoint, flush, root page",
    sc::ManagerRole::self_managing,
    sc::kEntryShadowManager,
    sc::construct_program<sc::ShadowManager>,
    kShadowBugs,
    9,
};

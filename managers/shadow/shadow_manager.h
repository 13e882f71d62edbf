// shadow_manager.h — the self-managing manager: it manages its own container
// (and any container it is given), keeps every page it manages on its disk
// partition with shadow paging (shadow_format.h), and asks the kernel to keep
// its root page stable.
//
// Upcalls: start_fresh (map the root page, start empty), recover (rebuild the
// page maps from the checkpoint the root page names), page_fault (read the
// block, verify its checksum, supply it), container_snapshot (save dirty
// pages to fresh blocks, write map, bitmap and checkpoint blocks, flush, then
// point the root page at the new checkpoint), enumerate_pages, stabilise.
//
// Block life cycle: free → fresh (written in this snapshot) → committed
// (reachable from the published checkpoint) → retiring (superseded; the last
// durable cut may still need it) → free at the start of the next snapshot,
// when the kernel has made the previous cut durable.
// The manager's part of the commit: the flush that precedes publish_root();
// the commit point itself is the kernel's cut record (root_store.h, R3).
// Any failed call leaves the manager failed: it refuses further snapshots.
#pragma once
#include <stdint.h>

#include "kernel/core/upcall.h"
#include "managers/sdk/manager_program.h"
#include "managers/shadow/shadow_format.h"
#include "managers/sdk/managed_containers.h"
#include "managers/sdk/sys.h"

namespace sc {

constexpr uint32_t kEntryShadowManager = 0x44414853;  // "SHAD"

// Seeded bugs (bits of the constructor's bug_bits).
constexpr uint32_t kShadowBugSkipFlush = 1u << 0;    // publishes the checkpoint before its blocks are durable
constexpr uint32_t kShadowBugReuseBlocks = 1u << 1;  // overwrites blocks the last durable checkpoint still needs
// Recovery's free map keeps only the blocks recovery read (checkpoint, bitmap,
// map blocks): the data blocks, read only on a fault, are handed out again.
constexpr uint32_t kShadowBugRecoverFreesData = 1u << 2;
// A page fault serves a data block without checking it against the checksum
// in its map entry (only a storage fault can make the two differ).
constexpr uint32_t kShadowBugTrustData = 1u << 3;
// The snapshot ignores the status of its flush and publishes the checkpoint
// anyway: a flush the disk failed is reported stable (only io-error shows it).
constexpr uint32_t kShadowBugIgnoreFlushError = 1u << 4;
// A page fault whose block cannot be read (I/O error) supplies a zero page
// instead of refusing: the page's content is silently lost (only read-error
// shows it).
constexpr uint32_t kShadowBugZeroUnreadable = 1u << 5;
// Recovery takes the checkpoint block and the map and bitmap blocks it names
// as long as each passes its own checksum, without checking the generation
// the root page names or the seals the checkpoint recorded: where a write
// was lost, an older checkpoint's blocks are loaded as the stable state
// (only a storage fault such as lying-flush shows it).
constexpr uint32_t kShadowBugTrustStaleMetadata = 1u << 6;
// A page fault accepts a data block whose checksum is that of any page the
// map records ("the block holds a page this manager saved") rather than the
// checksum of the page's own entry: a block valid in itself but meant for
// another address (a write the disk put on the wrong block) is served as
// this page. A rotten block matches no entry and an older version of the
// page is no longer recorded, so only misdirected shows it.
constexpr uint32_t kShadowBugAnySavedChecksum = 1u << 7;
// The snapshot saves a dirty page without checking that read_page returned
// it: when the kernel call fails, the zeroed buffer is written as the page
// and the stabilisation is reported done (only call-error shows it).
constexpr uint32_t kShadowBugUncheckedReadPage = 1u << 8;

class ShadowManager final : public UpcallTarget {
 public:
  ShadowManager(Sys& sys, uint32_t bug_bits) : sys_(sys), bugs_(bug_bits) {}
  Status upcall(const Upcall& call) override;

 private:
  enum class BlockState : uint8_t { free, fresh, committed, retiring };

  Status start_fresh();
  Status recover();
  Status page_fault(const Upcall& call);
  Status snapshot();
  Status enumerate(const Upcall& call);

  Status load_partition_size();
  Status load_checkpoint(uint64_t block);
  bool sealed_by_checkpoint(const uint8_t* block, uint64_t seal) const;
  Status load_map_block(uint32_t block, uint64_t seal);
  Status load_bitmap(uint32_t block, uint64_t seal);
  Status claim(uint64_t block);

  // shadow_seeded_bugs.cpp
  Status supply_zeros(const Upcall& call);
  Status supply_unchecked_block(const Upcall& call, uint64_t block);
  Status supply_any_saved_block(const Upcall& call, uint64_t block);
  void keep_only_blocks_read();
  Status read_page_unchecked(const ManagedContainer& c, uint32_t page, uint8_t* data);

  Status save_dirty_pages(const ManagedContainer& c);
  Status save_page(const ManagedContainer& c, uint32_t page);
  Status write_metadata(uint32_t* checkpoint);
  Status allocate_block(uint32_t* block);
  void retire(uint32_t block);
  Status publish_root(uint32_t checkpoint);
  int find_entry(ContainerId id, uint32_t page) const;

  Sys& sys_;
  uint32_t bugs_;
  bool failed_ = false;
  Capref self_{};
  ContainerId home_ = kNoContainer;
  uint64_t generation_ = 0;
  ManagedContainers containers_;
  // Only the first map_count_, block_count_ and meta_count_ entries are
  // meaningful; the rest is left uninitialised so a boot costs no memset.
  shadow::MapEntry map_[shadow::kMaxMapEntries];
  uint32_t map_count_ = 0;
  BlockState blocks_[shadow::kMaxPartitionBlocks];
  uint64_t block_count_ = 0;
  uint32_t meta_blocks_[shadow::kMaxMapBlocks + 2];  // checkpoint, bitmap, map blocks
  uint32_t meta_count_ = 0;
};

}  // namespace sc

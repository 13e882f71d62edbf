// pingpong_manager.h — pingpong, the example self-managing manager of
// docs/managers.md ("Writing a manager"): a double-buffered image, small
// enough to read in five minutes. Out-of-tree managers start from a copy of
// this folder.
//
// Design: the partition is split in two halves (pingpong_format.h). The root
// page names the current half, which holds a complete image: a table block
// listing every managed page with its checksum, and the data of each page.
// container_snapshot builds the next image in the OTHER half — dirty pages
// from their containers, clean ones copied from the current half — writes
// that half's table, flushes, and only then rewrites the root page to name
// the new half. The kernel copies the root page to stable media after
// container_snapshot returns; whichever root copy recovery finds, the half
// it names is complete. Recovery only reads: it loads the named half's
// table, checks it against the root page, and recreates the containers.
// Pages are read (and their checksums checked) on fault.
//
// Upcalls: start_fresh, recover, container_created, page_fault,
// container_snapshot, enumerate_pages, stabilise (see kernel/core/upcall.h).
// Seeded bug pingpong-skip-flush (mask kBugSkipFlush in bug_bits): no flush
// before the root page update, so the root copy can be durable while the
// half it names is not.
// A failed system call leaves the manager failed: it serves no more faults
// and refuses further snapshots.
#pragma once
#include <stdint.h>

#include "pingpong_format.h"
#include "kernel/core/upcall.h"
#include "managers/sdk/managed_containers.h"
#include "managers/sdk/sys.h"

namespace sc::pingpong {

constexpr uint32_t kBugSkipFlush = 1u << 0;

class PingpongManager final : public UpcallTarget {
 public:
  PingpongManager(Sys& sys, uint32_t bug_bits) : sys_(sys), bug_bits_(bug_bits) {}
  Status upcall(const Upcall& call) override;

 private:
  Status start_fresh();
  Status recover();
  Status load_half_blocks();
  Status page_fault(const Upcall& call);
  Status enumerate(const Upcall& call);

  Status snapshot();
  Status save_page(const ManagedContainer& c, uint32_t page, uint32_t half, bool* saved);
  Status save_dirty_pages(const ManagedContainer& c, uint32_t half, bool* saved);
  Status copy_clean_page(uint32_t entry, uint32_t half);
  Status write_table(uint32_t half);
  Status publish_root(uint32_t half);

  int find_entry(ContainerId id, uint32_t page) const;
  uint64_t block_of(uint32_t half, uint32_t entry) const { return half * half_blocks_ + 1 + entry; }

  Sys& sys_;
  uint32_t bug_bits_;
  // Set by a failed snapshot or recovery: later snapshots are refused until
  // the next boot (fail-stop; the kernel refuses them too, K5). Page faults
  // are still served: they read the current half, which no snapshot writes,
  // through the entries of pages not resident, and a failed snapshot changed
  // only the entries of the dirty (resident) pages it saved. A failed
  // recovery fails the boot, so no page fault follows it.
  bool failed_ = false;
  Capref self_{};
  ContainerId home_ = kNoContainer;
  uint64_t half_blocks_ = 0;
  uint32_t current_half_ = kNoHalf;
  ManagedContainers containers_;
  Table table_{};  // the image of current_half_ (entries beyond entry_count unused)
};

}  // namespace sc::pingpong

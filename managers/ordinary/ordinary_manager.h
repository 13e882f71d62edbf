// ordinary_manager.h — a manager that is itself managed: it runs in a
// container whose pages another manager keeps stable, and it keeps the
// pages of the containers it manages inside its own container.
//
// Layout of its own container: page 0 is the header (magic, the containers
// it manages, and the table (container, page) → slot page, with a
// checksum); pages 1.. are slots holding the managed pages' contents.
// container_snapshot copies every dirty managed page into its slot and
// rewrites the header; the kernel runs it before the snapshot of the manager
// below which it lives, so the header and slots are saved in the same cut.
// Recovery reads the header back through its own container's fault path.
#pragma once
#include <stdint.h>

#include "kernel/core/limits.h"
#include "kernel/core/upcall.h"
#include "managers/sdk/managed_containers.h"
#include "managers/sdk/manager_program.h"
#include "managers/sdk/sys.h"

namespace sc {

constexpr uint32_t kEntryOrdinaryManager = 0x4e44524f;  // "ORDN"

class OrdinaryManager final : public UpcallTarget {
 public:
  OrdinaryManager(Sys& sys, uint32_t /*bug_bits: none*/) : sys_(sys) {}
  Status upcall(const Upcall& call) override;

  static constexpr uint32_t kMaxEntries = 300;

 private:
  struct Entry {
    ContainerId container;
    uint32_t page;
    uint32_t slot;
  };

  Status recover();
  Status page_fault(const Upcall& call);
  Status snapshot();
  Status enumerate(const Upcall& call);
  Status save_page(const ManagedContainer& c, uint32_t page);
  Status write_header();
  Status load_header(const uint8_t* header);
  int find_entry(ContainerId id, uint32_t page) const;

  Sys& sys_;
  Capref self_{};
  ManagedContainers containers_;
  Entry entries_[kMaxEntries] = {};
  uint32_t entry_count_ = 0;
};

// Recomputes the checksum of the manager's header page in place, for tools
// that alter it on purpose (the fuzzers).
void seal_ordinary_header(uint8_t* header);

}  // namespace sc

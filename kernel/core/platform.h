// platform.h — everything the kernel core needs from the machine: the disk,
// the manager programs (found by the entry id stored in a root page), a
// scheduling point where other loci may run, and a sink for pages reported by
// managers. The hosted tier and the riscv64 tier each implement it once.
#pragma once
#include <stdint.h>

#include "block_device.h"
#include "ids.h"
#include "upcall.h"

namespace sc {

class Platform {
 public:
  virtual BlockDevice& disk() = 0;
  // The program for manager `id` whose invocation point is `entry`, built
  // with its seeded bugs `bug_bits`; nullptr if the platform has no program
  // with that entry (managers/registry/registry.h).
  virtual UpcallTarget* bind_program(ManagerId id, uint32_t entry, uint32_t bug_bits) = 0;
  // Called by the kernel when a manager yields inside an upcall; the
  // platform may run one step of another runnable locus.
  virtual void yield_point() = 0;
  // Receives the pages a manager reports during enumerate_pages.
  virtual void page_reported(ContainerId container, uint32_t page) = 0;

 protected:
  ~Platform() = default;
};

}  // namespace sc

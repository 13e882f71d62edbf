// upcall.h — how the kernel calls a manager. The kernel never runs manager
// code directly: it hands an Upcall to the manager's UpcallTarget, which the
// platform binds (in-process: a direct call into the manager object; QEMU:
// a switch to the manager's U-mode entry). The manager answers through the
// system-call interface (managers/sdk/sys.h) and returns a Status.
#pragma once
#include <stdint.h>

#include "ids.h"
#include "status.h"

namespace sc {

enum class UpcallKind : uint8_t {
  start_fresh,         // boot with no stable state: map the root page, start empty
  recover,             // boot from the root page the kernel restored
  container_created,   // `target` is a new container this manager manages
  page_fault,          // supply page `page` of `target` with sys.supply_page
  container_snapshot,  // write volatile state to disk; update the root page
  enumerate_pages,     // report every page of `target` with sys.report_page
  stabilise,           // the manager's policy is asked to stabilise now
};

struct Upcall {
  UpcallKind kind;
  Capref self;    // the manager's own container, with every right
  ContainerId self_id;
  Capref target;  // the container concerned (page_fault, enumerate_pages, container_created)
  ContainerId target_id;
  uint32_t page;
};

class UpcallTarget {
 public:
  virtual Status upcall(const Upcall& call) = 0;

 protected:
  ~UpcallTarget() = default;
};

}  // namespace sc

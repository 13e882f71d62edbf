// locus_op.h — one workload op as a locus performs it, the one copy both
// tiers run: in-process over direct kernel calls, in the guest over ecalls
// from U-mode. The caller supplies the locus calls (LocusCalls), a cache of
// the caprefs the locus already holds (CapCache) and a page buffer.
//  * create: create the container, remember its capref;
//  * write: fill the page from the op's value (page_fill.h), hash it, write
//    it through the locus's capref (opened on first use);
//  * read: read the page, hash what was read;
//  * stabilise: request a stabilisation of the op's manager.
// Returns the kernel's answer; an answer of busy means "retry the whole op
// at the next step" (both tiers' step loops do so).
// Invariant: *hash is set for every write (the content it tried to store)
// and for every read that succeeded; left alone otherwise.
#pragma once
#include <stdint.h>

#include "kernel/core/ids.h"
#include "kernel/core/limits.h"
#include "kernel/core/status.h"
#include "kernel/harness/op_kind.h"

namespace sc {

struct LocusOp {
  OpKind kind;
  ContainerId container;
  ManagerId manager;
  uint32_t page;
  uint64_t value;
};

class LocusCalls {
 public:
  virtual Status create_container(ContainerId id, ManagerId manager, Capref* out) = 0;
  virtual Status open(ContainerId id, Capref* out) = 0;
  virtual Status write(Capref cap, uint32_t page, const uint8_t* data) = 0;
  virtual Status read(Capref cap, uint32_t page, uint8_t* buf) = 0;
  virtual Status request_stabilisation(ManagerId manager) = 0;

 protected:
  ~LocusCalls() = default;
};

// The caprefs a locus holds, by container id. Plain data: it may live in a
// U-mode locus's data region.
struct CapCache {
  bool valid[kMaxContainers];
  Capref caps[kMaxContainers];

  void clear();
};

Status perform_locus_op(LocusCalls& calls, CapCache& caps, const LocusOp& op, uint8_t* page, uint64_t* hash);

}  // namespace sc

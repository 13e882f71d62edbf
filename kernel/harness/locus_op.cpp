// locus_op.cpp — see locus_op.h.
#include "kernel/harness/locus_op.h"

#include "kernel/core/checksum.h"
#include "kernel/harness/page_fill.h"

namespace sc {

namespace {

void remember(CapCache& caps, ContainerId id, Capref cap) {
  if (id >= kMaxContainers) return;
  caps.caps[id] = cap;
  caps.valid[id] = true;
}

Status cap_for(LocusCalls& calls, CapCache& caps, ContainerId id, Capref* cap) {
  if (id < kMaxContainers && caps.valid[id]) {
    *cap = caps.caps[id];
    return Status::ok;
  }
  const Status s = calls.open(id, cap);
  if (!failed(s)) remember(caps, id, *cap);
  return s;
}

}  // namespace

void CapCache::clear() {
  for (bool& v : valid) v = false;
}

Status perform_locus_op(LocusCalls& calls, CapCache& caps, const LocusOp& op, uint8_t* page, uint64_t* hash) {
  Capref cap;
  switch (op.kind) {
    case OpKind::create: {
      const Status s = calls.create_container(op.container, op.manager, &cap);
      if (!failed(s)) remember(caps, op.container, cap);
      return s;
    }
    case OpKind::write: {
      const Status s = cap_for(calls, caps, op.container, &cap);
      fill_page(op.value, page);
      *hash = checksum64(page, kPageSize);
      return failed(s) ? s : calls.write(cap, op.page, page);
    }
    case OpKind::read: {
      Status s = cap_for(calls, caps, op.container, &cap);
      if (!failed(s)) s = calls.read(cap, op.page, page);
      if (!failed(s)) *hash = checksum64(page, kPageSize);
      return s;
    }
    case OpKind::stabilise: return calls.request_stabilisation(op.manager);
  }
  return Status::bad_argument;
}

}  // namespace sc

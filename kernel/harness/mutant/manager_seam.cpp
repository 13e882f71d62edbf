// manager_seam.cpp — see manager_seam.h.
#include "kernel/harness/mutant/manager_seam.h"

#include "kernel/core/bytes.h"

namespace sc {

Status ManagerSeam::upcall(const Upcall& call) {
  ManagerOrdinals& o = ordinals();
  if (o.flush_owed && !o.in_snapshot) {
    o.flush_owed = false;
    const Status s = inner_.disk_flush();
    if (failed(s)) return s;
  }
  if (program_ == nullptr) return Status::bad_argument;
  const bool snapshot = call.kind == UpcallKind::container_snapshot && !o.in_snapshot;
  if (snapshot) begin_snapshot(call.self);
  Status s = program_->upcall(call);
  if (snapshot) {
    const Status held = issue_held();
    if (!failed(s)) s = held;
    end_snapshot();
  }
  return s;
}

void ManagerSeam::begin_snapshot(Capref self) {
  ManagerOrdinals& o = ordinals();
  o.in_snapshot = true;
  o.call = 0;
  o.last_flush = kNoCall;
  o.publish_flush = kNoCall;
  o.self = self;
}

void ManagerSeam::end_snapshot() {
  ManagerOrdinals& o = ordinals();
  if (o.publish_flush != kNoCall) run_.count(MutantOp::publish_early, site(o.publish_flush));
  o.in_snapshot = false;
  ++o.stabilisation;
}

Status ManagerSeam::issue_held() {
  HeldWrite& h = run_.held();
  if (!h.held) return Status::ok;
  h.held = false;
  return inner_.disk_write(h.where, h.data);
}

Status ManagerSeam::write_page(Capref cont, uint32_t page, const uint8_t* data) {
  ManagerOrdinals& o = ordinals();
  if (o.in_snapshot && cont.slot == o.self.slot && cont.generation == o.self.generation) o.publish_flush = o.last_flush;
  return inner_.write_page(cont, page, data);
}

Status ManagerSeam::disk_write(uint64_t block, const uint8_t* buf) {
  ManagerOrdinals& o = ordinals();
  if (!o.in_snapshot) return inner_.disk_write(block, buf);
  const MutantSite here = site(o.call++);
  constexpr MutantOp kWriteOps[] = {MutantOp::drop_write, MutantOp::delay_write, MutantOp::misdirect};
  for (MutantOp op : kWriteOps) run_.count(op, here);
  if (run_.hits(MutantOp::drop_write, here)) {
    run_.mark_applied();
    return Status::ok;
  }
  if (run_.hits(MutantOp::delay_write, here)) {
    run_.mark_applied();
    HeldWrite& h = run_.held();
    h.held = true;
    h.where = block;
    copy_bytes(h.data, buf, kPageSize);
    return Status::ok;
  }
  if (run_.hits(MutantOp::misdirect, here)) {
    uint64_t blocks = 0;
    const Status s = inner_.disk_blocks(&blocks);
    if (failed(s) || blocks == 0) return failed(s) ? s : Status::bad_argument;
    run_.mark_applied();
    return inner_.disk_write((block + 1) % blocks, buf);
  }
  return inner_.disk_write(block, buf);
}

Status ManagerSeam::disk_flush() {
  ManagerOrdinals& o = ordinals();
  if (!o.in_snapshot) return inner_.disk_flush();
  const uint32_t call = o.call++;
  const MutantSite here = site(call);
  o.last_flush = call;
  run_.count(MutantOp::drop_flush, here);
  if (run_.hits(MutantOp::drop_flush, here)) {
    run_.mark_applied();
    return Status::ok;
  }
  if (run_.hits(MutantOp::publish_early, here)) {
    run_.mark_applied();
    o.flush_owed = true;
    return Status::ok;
  }
  const Status s = inner_.disk_flush();
  if (failed(s)) return s;
  return issue_held();
}

}  // namespace sc

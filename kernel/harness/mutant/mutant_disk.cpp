// mutant_disk.cpp — see mutant_disk.h.
#include "kernel/harness/mutant/mutant_disk.h"

#include "kernel/core/bytes.h"

namespace sc {

void MutantDisk::set_phase(Phase phase) {
  KernelOrdinals& k = run_.kernel();
  if (phase == Phase::ROOT_COPY && !k.in_root_copy) {
    k.in_root_copy = true;
    k.write = 0;
    k.root_written = false;
  } else if (phase != Phase::ROOT_COPY && k.in_root_copy) {
    issue_held();
    k.in_root_copy = false;
    ++k.stabilisation;
  }
  inner_->set_phase(phase);
}

Status MutantDisk::write(uint64_t sector, uint32_t count, const void* buf, bool fua) {
  KernelOrdinals& k = run_.kernel();
  if (!k.in_root_copy || sector >= kKernelAreaSectors) return inner_->write(sector, count, buf, fua);
  const MutantSite here{kKernelSite, k.stabilisation, k.write++};
  if (sector < root_copy_sector(0, 0)) return write_cut(sector, count, buf, fua, here);
  return write_root_copy(sector, count, buf, fua, here);
}

Status MutantDisk::write_root_copy(uint64_t sector, uint32_t count, const void* buf, bool fua,
                                   const MutantSite& here) {
  KernelOrdinals& k = run_.kernel();
  k.root_written = true;
  run_.count(MutantOp::kernel_drop_fua_root, here);
  if (run_.hits(MutantOp::kernel_drop_fua_root, here)) {
    run_.mark_applied();
    return inner_->write(sector, count, buf, /*fua=*/false);
  }
  const MutantPlan& plan = run_.plan();
  const bool swap_here = plan.apply && plan.op == MutantOp::kernel_swap_cut_root &&
                         plan.site.stabilisation == here.stabilisation && count <= kRootCopySectors;
  if (!swap_here) return inner_->write(sector, count, buf, fua);
  const Status s = issue_held();
  if (failed(s)) return s;
  HeldWrite& h = run_.held();
  h.held = true;
  h.where = sector;
  h.count = count;
  h.fua = fua;
  copy_bytes(h.data, buf, count * kSectorSize);
  return Status::ok;
}

Status MutantDisk::write_cut(uint64_t sector, uint32_t count, const void* buf, bool fua, const MutantSite& here) {
  run_.count(MutantOp::kernel_drop_fua_cut, here);
  if (run_.kernel().root_written) run_.count(MutantOp::kernel_swap_cut_root, here);
  if (run_.hits(MutantOp::kernel_drop_fua_cut, here)) {
    run_.mark_applied();
    return inner_->write(sector, count, buf, /*fua=*/false);
  }
  const Status s = inner_->write(sector, count, buf, fua);
  if (failed(s) || !run_.hits(MutantOp::kernel_swap_cut_root, here)) return s;
  run_.mark_applied();
  return issue_held();
}

Status MutantDisk::issue_held() {
  HeldWrite& h = run_.held();
  if (!h.held) return Status::ok;
  h.held = false;
  return inner_->write(h.where, h.count, h.data, h.fua);
}

}  // namespace sc

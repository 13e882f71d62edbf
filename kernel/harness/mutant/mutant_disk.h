// mutant_disk.h — MutantDisk sits between the kernel and the platform's disk
// and mutates the kernel's own writes (sectors below kKernelAreaSectors,
// kernel/core/root_store.h) during the ROOT_COPY phase of a stabilisation:
//   kernel-drop-fua-root   a root copy is written without FUA;
//   kernel-drop-fua-cut    a cut record is written without FUA;
//   kernel-swap-cut-root   the root copies of the stabilisation are held and
//                          the last one is written right after the cut record
//                          (so the cut record precedes the root copy it names).
// Sites are (kKernelSite, ROOT_COPY phases before this one, ordinal of the
// kernel-area write within it); the swap's site is the cut record write.
// Every other request passes through unchanged. Platform-free.
#pragma once
#include "kernel/core/block_device.h"
#include "kernel/harness/mutant/mutant_run.h"

namespace sc {

class MutantDisk final : public BlockDevice {
 public:
  MutantDisk(MutantRun& run, BlockDevice& inner) : run_(run), inner_(&inner) {}
  void set_inner(BlockDevice& inner) { inner_ = &inner; }

  uint64_t sector_count() const override { return inner_->sector_count(); }
  Status read(uint64_t sector, uint32_t count, void* buf) override { return inner_->read(sector, count, buf); }
  Status write(uint64_t sector, uint32_t count, const void* buf, bool fua) override;
  Status flush() override { return inner_->flush(); }
  void set_phase(Phase phase) override;

 private:
  Status write_root_copy(uint64_t sector, uint32_t count, const void* buf, bool fua, const MutantSite& here);
  Status write_cut(uint64_t sector, uint32_t count, const void* buf, bool fua, const MutantSite& here);
  Status issue_held();

  MutantRun& run_;
  BlockDevice* inner_;
};

}  // namespace sc

// manager_seam.h — ManagerSeam sits between one manager program and the
// platform: the program calls the seam as its Sys, the kernel calls the seam
// as the program's UpcallTarget. Every call passes through unchanged except
// the disk calls inside a container_snapshot upcall, which it counts as sites
// (mutant_plan.h) and, where the run's plan says so, mutates:
//   drop-flush, drop-write     the call returns ok and does nothing;
//   delay-write                the block is copied and written right after the
//                              next disk_flush returns, or when the upcall
//                              ends if no flush follows;
//   misdirect                  the block goes to (block + 1) % partition size;
//   publish-early              the site is the last disk_flush before the
//                              manager's last write_page to its own container
//                              in the snapshot (its root-page update); that
//                              flush is issued at the manager's next upcall,
//                              i.e. after the kernel's root copy.
// Platform-free (kernel/core rules); the ordinals live in the MutantRun,
// which outlives the seam (one seam per program per boot).
#pragma once
#include "kernel/core/upcall.h"
#include "kernel/harness/mutant/mutant_run.h"
#include "managers/sdk/sys.h"

namespace sc {

class ManagerSeam final : public Sys, public UpcallTarget {
 public:
  ManagerSeam(MutantRun& run, ManagerId id, Sys& inner) : run_(run), id_(id), inner_(inner) {}
  // The program's own upcall target, once it is constructed over this seam.
  void bind(UpcallTarget* program) { program_ = program; }

  Status upcall(const Upcall& call) override;

  Status map_root_page(Capref cont, uint32_t page) override { return inner_.map_root_page(cont, page); }
  Status snapshot_request(Capref self) override { return inner_.snapshot_request(self); }
  Status create_container(ContainerId id, Capref* out) override { return inner_.create_container(id, out); }
  Status supply_page(Capref cont, uint32_t page, const uint8_t* data) override {
    return inner_.supply_page(cont, page, data);
  }
  Status read_page(Capref cont, uint32_t page, uint8_t* buf) override { return inner_.read_page(cont, page, buf); }
  Status write_page(Capref cont, uint32_t page, const uint8_t* data) override;
  Status dirty_pages(Capref cont, uint32_t* pages, uint32_t* count) override {
    return inner_.dirty_pages(cont, pages, count);
  }
  Status clean_page(Capref cont, uint32_t page) override { return inner_.clean_page(cont, page); }
  Status report_page(Capref cont, uint32_t page) override { return inner_.report_page(cont, page); }
  Status disk_blocks(uint64_t* blocks) override { return inner_.disk_blocks(blocks); }
  Status disk_read(uint64_t block, uint8_t* buf) override { return inner_.disk_read(block, buf); }
  Status disk_write(uint64_t block, const uint8_t* buf) override;
  Status disk_flush() override;
  void yield() override { inner_.yield(); }

 private:
  ManagerOrdinals& ordinals() { return run_.manager(id_); }
  MutantSite site(uint32_t call) { return MutantSite{id_, ordinals().stabilisation, call}; }
  void begin_snapshot(Capref self);
  void end_snapshot();
  Status issue_held();

  MutantRun& run_;
  ManagerId id_;
  Sys& inner_;
  UpcallTarget* program_ = nullptr;
};

}  // namespace sc

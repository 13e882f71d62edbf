// kernel.h — the platform-free kernel core: containers, loci, caprefs,
// managers, page-fault routing, root pages, stabilisation, consistent cuts
// and recovery. Everything machine-specific comes through Platform.
//
// Interface, in three groups:
//  * boot(): power-on. Reads the newest consistent cut and restarts every
//    self-managing manager from its root page, then the managers below it.
//  * sys_*(): the manager system-call interface (managers/sdk/sys.h), each a
//    decode step that checks every argument and capref, then an invoke step.
//  * locus_*() and inspect_*(): what workload loci and the checker do.
//
// Stabilisation protocol (state diagram; the function of each transition):
//   RUN --sys_snapshot_request--> REQUEST (no disk request) --freeze_group--> FREEZE
//       --snapshot_group--> SNAPSHOT --copy_roots--> ROOT_COPY
//       --commit_cut (COMMIT POINT: cut record FUA)--> DISCARD
//       --discard_old_copies--> RESUME --resume_group--> RUN
// Invariants:
//  K1. During a stabilisation of group G, no locus whose home is in G's
//      domains runs (frozen), and no locus touches a container of G (busy).
//  K2. Loci that touch each other's domains are tied; a stabilisation
//      request covers the whole tied group, so every cut is consistent.
//  K3. Only one stabilisation runs at a time.
//  K5. A stabilisation that failed, for any reason, leaves the managers of
//      its group in a state the kernel cannot vouch for: a manager whose
//      container_snapshot returned ok believes in a snapshot no cut holds
//      (another manager's snapshot failed after it, or a root copy or cut
//      record write), and after an I/O error the last durable cut is unknown
//      (the failed cut record may or may not have landed). Every later
//      stabilisation of any of them returns Status::io_error until the next
//      boot (recovery), so nothing is ever reported stable on top of a
//      snapshot or cut that may not be durable.
//  K4. A capref is checked before anything it names is touched; bad input is
//      an error Status, never a crash.
#pragma once
#include <stdint.h>

#include "boot_config.h"
#include "cap_table.h"
#include "frame_table.h"
#include "ids.h"
#include "limits.h"
#include "platform.h"
#include "root_store.h"
#include "status.h"

namespace sc {

enum class LocusState : uint8_t { free, runnable, frozen };

struct BootReport {
  bool had_cut = false;
  uint64_t epoch = 0;
  ManagerId failed_manager = kNoManager;  // who could not be restarted
  Status status = Status::ok;
};

class Kernel {
 public:
  explicit Kernel(Platform& platform) : platform_(platform) {}
  Kernel(const Kernel&) = delete;
  Kernel& operator=(const Kernel&) = delete;

  Status boot(const BootConfig& config);
  const BootReport& boot_report() const { return report_; }

  // Manager system calls; `caller` is the manager making the call.
  Status sys_map_root_page(ManagerId caller, Capref cont, uint32_t page);
  Status sys_snapshot_request(ManagerId caller, Capref self);
  Status sys_create_container(ManagerId caller, ContainerId id, Capref* out);
  Status sys_supply_page(ManagerId caller, Capref cont, uint32_t page, const uint8_t* data);
  Status sys_read_page(ManagerId caller, Capref cont, uint32_t page, uint8_t* buf);
  Status sys_write_page(ManagerId caller, Capref cont, uint32_t page, const uint8_t* data);
  Status sys_dirty_pages(ManagerId caller, Capref cont, uint32_t* pages, uint32_t* count);
  Status sys_clean_page(ManagerId caller, Capref cont, uint32_t page);
  Status sys_report_page(ManagerId caller, Capref cont, uint32_t page);
  Status sys_disk_blocks(ManagerId caller, uint64_t* blocks);
  Status sys_disk_read(ManagerId caller, uint64_t block, uint8_t* buf);
  Status sys_disk_write(ManagerId caller, uint64_t block, const uint8_t* buf);
  Status sys_disk_flush(ManagerId caller);
  void sys_yield(ManagerId caller);

  // Workload loci.
  Status create_locus(ContainerId home, LocusId* out);
  Status destroy_locus(LocusId locus);
  LocusState locus_state(LocusId locus) const;
  Status locus_create_container(LocusId locus, ContainerId id, ManagerId manager, Capref* out);
  Status locus_open(LocusId locus, ContainerId id, Capref* out);
  Status locus_write(LocusId locus, Capref cont, uint32_t page, const uint8_t* data);
  Status locus_read(LocusId locus, Capref cont, uint32_t page, uint8_t* buf);
  // Asks manager `m` to stabilise (its policy calls sys_snapshot_request).
  Status locus_request_stabilisation(LocusId locus, ManagerId m);

  // Inspection by the checker, through the same fault path.
  bool container_exists(ContainerId id) const;
  ManagerId container_manager(ContainerId id) const;
  Status inspect_read(ContainerId id, uint32_t page, uint8_t* buf);
  Status inspect_enumerate(ContainerId id);
  uint64_t committed_epoch() const { return cut_.epoch; }

 private:
  struct ContainerEntry {
    bool live;
    ManagerId manager;
    bool root_mapped;
    uint32_t root_page;
  };
  struct ManagerEntry {
    bool live;
    ManagerConfig config;
    UpcallTarget* program;
    uint32_t root_version;
  };
  struct LocusEntry {
    LocusState state;
    ContainerId home;
  };

  // kernel_objects.cpp
  void reset(const BootConfig& config);
  Status create_container(ContainerId id, ManagerId manager);
  Status mint_manager_cap(ContainerId id, Capref* out);
  Status checked_caller(ManagerId caller) const;
  Status checked_cap(Capref cap, uint8_t rights, ContainerId* id) const;
  Status checked_managed(ManagerId caller, Capref cap, ContainerId* id) const;
  Status checked_page(uint32_t page) const;
  Status disk_bound(ManagerId caller, uint64_t* bound);
  ManagerId self_managing_root(ContainerId id) const;
  uint32_t group_mask(ManagerId smm) const;
  void tie(ContainerId from, ContainerId to);
  Status checked_locus_access(LocusId locus, Capref cap, uint8_t rights, ContainerId* id);
  Status upcall(ManagerId m, UpcallKind kind, ContainerId target, uint32_t page);

  // faults.cpp
  Status fault_in(ContainerId id, uint32_t page, int* frame);
  Status install_page(ContainerId id, uint32_t page, const uint8_t* data, int* frame);

  // stabilise.cpp
  Status stabilise(ManagerId requester);
  void freeze_group(uint32_t group);
  Status snapshot_group(uint32_t group);
  Status snapshot_managers_below(ManagerId smm);
  Status copy_roots(uint32_t group, CutRecord* next);
  Status commit_cut(const CutRecord& next);
  void discard_old_copies(const CutRecord& next);
  void resume_group(uint32_t group);
  uint32_t manager_depth(ManagerId m) const;

  // boot.cpp
  Status boot_self_managing(const ManagerConfig& mc);
  Status restore_root(const ManagerConfig& mc, uint8_t* page, CutEntry* entry);
  Status start_program(const ManagerConfig& mc, uint32_t entry);
  Status boot_managed(const ManagerConfig& mc);
  // seeded_bugs.cpp
  Status restore_newest_copy(const ManagerConfig& mc, uint8_t* page, CutEntry* entry);

  Platform& platform_;
  KernelBugs bugs_;
  CapTable caps_;
  FrameTable frames_;
  ContainerEntry containers_[kMaxContainers];
  ManagerEntry managers_[kMaxManagers];
  LocusEntry loci_[kMaxLoci];
  uint32_t ties_[kMaxSelfManaging];
  uint32_t stabilising_ = 0;  // mask of self-managing managers being stabilised
  uint32_t unvouched_ = 0;    // K5: self-managing managers refused stabilisation until boot
  CutRecord cut_;             // the last durable cut
  BootReport report_;
};

}  // namespace sc

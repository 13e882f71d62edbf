// journal_system.h — one journal manager on the real kernel core, for tests
// that drive it directly (no workload machinery): a Platform that starts the
// registered "journal" program over DirectSys, one self-managing
// manager (id 0, home container 0) on a 256-block partition, and a data
// container (id 1) it manages. States are page → content of pages
// 0..kPages-1 of the data container (zeros for a page never written); an
// absent data container is the empty state.
// Interface: JournalSystem (boot, write, stabilise, read_state, epoch),
// format_violations() (the journal's registered format checker on a disk's newest cut).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kernel/core/kernel.h"
#include "kernel/core/platform.h"
#include "kernel/hosted/direct_sys.h"

namespace sc::journal_test {

constexpr uint64_t kPartitionBlocks = 256;
constexpr ContainerId kData = 1;
constexpr uint32_t kPages = 10;

using State = std::map<uint32_t, uint64_t>;  // page -> value written (absent: zeros)
constexpr uint64_t kGarbage = ~uint64_t{0};   // a page holding no value ever written

uint64_t disk_sectors();
BootConfig boot_config(uint32_t bug_bits);

class JournalSystem final : public Platform {
 public:
  JournalSystem(BlockDevice& disk, uint32_t bug_bits);
  ~JournalSystem();
  Status boot();
  // Ops of one locus homed in the manager's container; each returns its status.
  Status create_data();
  Status write(uint32_t page, uint64_t value);
  Status stabilise();
  // The recovered data container's pages, or an error if one cannot be read.
  Status read_state(State* out);
  uint64_t epoch() const { return kernel_->committed_epoch(); }

  BlockDevice& disk() override { return disk_; }
  UpcallTarget* bind_program(ManagerId id, uint32_t entry, uint32_t bug_bits) override;
  void yield_point() override {}
  void page_reported(ContainerId, uint32_t) override {}

 private:
  struct Storage;
  BlockDevice& disk_;
  uint32_t bug_bits_;
  std::unique_ptr<Kernel> kernel_;
  std::unique_ptr<DirectSys> sys_;
  std::unique_ptr<Storage> storage_;
  LocusId locus_ = 0;
  bool has_locus_ = false;
  Capref data_{};
};

// Lines of the journal format checker for the disk's newest cut (none when
// the disk holds no cut).
std::vector<std::string> format_violations(BlockDevice& disk);

}  // namespace sc::journal_test

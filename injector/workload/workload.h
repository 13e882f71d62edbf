// workload.h — a workload: the managers of the system under test and a
// script of steps. A `run` step starts loci that each execute a list of ops
// concurrently (interleaved by the seeded scheduler); a `crash` step cuts
// power cleanly (flushed writes kept, everything volatile dropped) and
// reboots into recovery.
//
// Container ids are fixed by the file: manager home containers first (in
// manager order), then created containers in order of first appearance.
// Manager ids follow manager order; self-managing managers come first.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "kernel/core/boot_config.h"
#include "kernel/core/ids.h"
#include "injector/common/seeded_bugs.h"
#include "kernel/harness/op_kind.h"

namespace sc {

// One manager of the system: its name in the workload, the registered
// program it runs (managers/registry/registry.h; the program's role says
// whether it is self-managing or managed), and who manages it.
struct ManagerSpec {
  std::string name;
  std::string program;  // a registered program name
  std::string managed_by;  // empty for self-managing
  uint32_t partition_blocks = 0;
  // "may_fill_partition": true — the workload fills this manager's
  // partition on purpose, so a stabilisation refused with no_space is a
  // clean refusal (not stable) rather than a finding.
  bool may_fill_partition = false;

  bool self_managing() const { return managed_by.empty(); }
};

struct Op {
  OpKind kind = OpKind::write;
  ContainerId container = kNoContainer;  // create, write, read
  ManagerId manager = kNoManager;        // create, stabilise
  uint32_t page = 0;                     // write, read
  uint64_t value = 0;                    // write: the page content's seed
};

struct LocusSpec {
  std::string name;
  ContainerId home = kNoContainer;
  std::vector<Op> ops;
};

struct Step {
  bool crash = false;
  std::vector<LocusSpec> loci;  // a run step
};

struct Workload {
  std::string name;
  std::string description;
  uint64_t seed = 1;
  std::vector<ManagerSpec> managers;          // index = ManagerId
  std::vector<std::string> container_names;   // index = ContainerId
  std::vector<Step> steps;

  ContainerId home_of(ManagerId m) const { return static_cast<ContainerId>(m); }
  bool is_home(ContainerId c) const { return c < managers.size(); }
  ManagerId managed_by(ManagerId m) const;
  uint64_t disk_sectors() const;
};

constexpr uint32_t kDefaultPartitionBlocks = 512;
constexpr uint32_t kMinPartitionBlocks = 64;
constexpr uint32_t kMaxPartitionBlocks = 4096;
constexpr uint32_t kMaxWorkloadPages = 200;

// The kernel's boot configuration: partitions one after another after the
// kernel area, each manager's entry id from the registry, and the seeded
// bugs of each manager's program.
BootConfig boot_config(const Workload& w, const SeededBugs& bugs);

}  // namespace sc

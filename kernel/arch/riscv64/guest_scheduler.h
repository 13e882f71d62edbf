// guest_scheduler.h — the workload loci of one run step inside the guest,
// and their seeded scheduler. A line-by-line mirror of the in-process tier
// (kernel/hosted/scheduler.cpp and injector/workload/workload_locus.cpp), so
// that the same workload makes the same kernel calls in the same order and
// hence the same disk requests in both tiers:
//  * the next locus to step is drawn with Prng::below() among the loci the
//    kernel says are runnable, not done and not already in a step;
//  * at a manager's yield point inside a stabilisation, yield_step() runs one
//    step of another such locus;
//  * an op refused with busy is retried at the locus's next step; every other
//    outcome is an event, sent to the host as a kEvent record;
//  * run() gives up (returns false) after 64 × ready-count blocked steps in a row.
// Before each attempt of a stabilise op a kMarkOpBegin record is sent.
#pragma once
#include <stdint.h>

#include "kernel/arch/riscv64/channel_disk.h"
#include "kernel/arch/riscv64/workload_blob.h"
#include "kernel/core/kernel.h"
#include "kernel/core/prng.h"

namespace rv {

enum class StepResult { progressed, blocked, done };

class GuestLocus {
 public:
  void start(const blob::LocusHeader* spec, ChannelDisk* channel);
  StepResult step(sc::Kernel& kernel, sc::LocusId locus);
  sc::ContainerId home() const { return static_cast<sc::ContainerId>(spec_->home); }

 private:
  sc::Status cap_for(sc::Kernel& kernel, sc::LocusId locus, sc::ContainerId id, sc::Capref* cap);
  sc::Status execute(sc::Kernel& kernel, sc::LocusId locus, const blob::Op& op, uint64_t* hash);
  const blob::Op& op(uint32_t i) const { return reinterpret_cast<const blob::Op*>(spec_ + 1)[i]; }

  const blob::LocusHeader* spec_ = nullptr;
  ChannelDisk* channel_ = nullptr;
  uint32_t next_ = 0;
  bool cap_valid_[sc::kMaxContainers] = {};
  sc::Capref caps_[sc::kMaxContainers] = {};
  alignas(16) uint8_t page_[sc::kPageSize] = {};
};

class GuestScheduler {
 public:
  GuestScheduler(sc::Kernel& kernel, uint64_t seed) : kernel_(kernel), prng_(seed) {}

  bool add(sc::LocusId locus, GuestLocus* program);
  bool run();
  void yield_step();

 private:
  struct Entry {
    sc::LocusId locus;
    GuestLocus* program;
    bool done;
    bool in_step;
  };
  uint32_t candidates(uint32_t* out) const;
  StepResult step(uint32_t index);

  sc::Kernel& kernel_;
  sc::Prng prng_;
  Entry entries_[sc::kMaxLoci] = {};
  uint32_t count_ = 0;
  int nesting_ = 0;
};

// The page a workload write stores: injector/workload/page_content.cpp's
// fill_page(), which the cross-tier trace test keeps equal.
void fill_page(uint64_t value, uint8_t* page);

}  // namespace rv

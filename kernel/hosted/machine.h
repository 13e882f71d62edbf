// machine.h — one in-process machine: the kernel core, the hosted platform
// with its manager programs, and a disk. boot() is power-on (fresh or
// recovery, as the disk dictates); a power cut is simply booting again on
// a disk whose volatile state was dropped. Nothing else survives a boot.
#pragma once
#include <memory>
#include <vector>

#include "kernel/core/boot_config.h"
#include "kernel/core/kernel.h"
#include "kernel/hosted/hosted_platform.h"
#include "kernel/hosted/kernel_storage.h"

namespace sc {

class Machine {
 public:
  Machine(BlockDevice& disk, const BootConfig& config);

  Status boot();
  Kernel& kernel() { return *kernel_; }
  HostedPlatform& platform() { return platform_; }
  const BootConfig& config() const { return config_; }
  void set_disk(BlockDevice& disk) { platform_.set_disk(disk); }

  // The pages the container's manager reports (its page map), ascending
  // (at most kMaxReportedPages: kernel/harness/page_collector.h).
  Status enumerate(ContainerId id, std::vector<uint32_t>* pages);

 private:
  BootConfig config_;
  HostedPlatform platform_;
  KernelPtr kernel_;
};

}  // namespace sc

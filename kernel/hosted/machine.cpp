// machine.cpp — see machine.h.
#include "kernel/hosted/machine.h"

#include "kernel/harness/readback.h"

namespace sc {

Machine::Machine(BlockDevice& disk, const BootConfig& config)
    : config_(config), platform_(disk), kernel_(make_kernel(platform_)) {
  platform_.attach(*kernel_);
}

Status Machine::boot() { return kernel_->boot(config_); }

Status Machine::enumerate(ContainerId id, std::vector<uint32_t>* pages) {
  PageCollector& collector = platform_.reported_pages();
  const Status s = collect_pages(*kernel_, collector, id);
  pages->assign(collector.pages(), collector.pages() + collector.count());
  return s;
}

}  // namespace sc

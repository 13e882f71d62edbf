// machine.cpp — see machine.h.
#include "kernel/hosted/machine.h"

#include <algorithm>

namespace sc {

Machine::Machine(BlockDevice& disk, const BootConfig& config, const ManagerBugs& bugs)
    : config_(config), platform_(disk, bugs), kernel_(std::make_unique<Kernel>(platform_)) {
  platform_.attach(*kernel_);
}

Status Machine::boot() { return kernel_->boot(config_); }

Status Machine::enumerate(ContainerId id, std::vector<uint32_t>* pages) {
  pages->clear();
  platform_.collect_pages(pages);
  const Status s = kernel_->inspect_enumerate(id);
  platform_.collect_pages(nullptr);
  std::sort(pages->begin(), pages->end());
  pages->erase(std::unique(pages->begin(), pages->end()), pages->end());
  return s;
}

}  // namespace sc

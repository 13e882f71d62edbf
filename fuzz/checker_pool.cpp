// checker_pool.cpp — see checker_pool.h.
#include "fuzz/checker_pool.h"

#include <fmt/format.h>

namespace sc::fuzz {

std::string manager_config_key(const Workload& w, const SeededBugs& bugs) {
  const BootConfig config = boot_config(w, bugs);
  std::string key;
  for (uint32_t i = 0; i < config.manager_count; ++i) {
    const ManagerConfig& m = config.managers[i];
    key += fmt::format("|{},{},{},{},{},{},{}", m.id, m.home, m.entry, m.managed_by, m.partition_start,
                       m.partition_sectors, m.bugs);
  }
  return key;
}

CheckerSlot& CheckerPool::adopt(Workload w) {
  std::unique_ptr<CheckerSlot>& slot = slots_[manager_config_key(w, bugs_)];
  if (slot == nullptr) slot = std::make_unique<CheckerSlot>(std::move(w), bugs_);
  else slot->workload = std::move(w);
  return *slot;
}

}  // namespace sc::fuzz

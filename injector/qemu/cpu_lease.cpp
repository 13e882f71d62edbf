// cpu_lease.cpp — see cpu_lease.h.
#include "injector/qemu/cpu_lease.h"

#include <sched.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>
#include <utility>

namespace sc::qemu {

namespace {

// Leases held per allowed CPU; empty if binding is off.
struct Table {
  std::mutex mutex;
  std::map<int, int> leases;

  Table() {
    if (std::getenv("STABLECUT_NO_AFFINITY") != nullptr) return;
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return;
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
      if (CPU_ISSET(cpu, &allowed)) leases[cpu] = 0;
  }
};

Table& table() {
  static Table t;
  return t;
}

}  // namespace

CpuLease CpuLease::acquire() {
  Table& t = table();
  std::lock_guard lock(t.mutex);
  if (t.leases.empty()) return CpuLease();
  const auto least = std::min_element(t.leases.begin(), t.leases.end(),
                                      [](const auto& a, const auto& b) { return a.second < b.second; });
  ++least->second;
  return CpuLease(least->first);
}

CpuLease::CpuLease(CpuLease&& other) noexcept : cpu_(std::exchange(other.cpu_, -1)) {}

CpuLease& CpuLease::operator=(CpuLease&& other) noexcept {
  if (this != &other) {
    release();
    cpu_ = std::exchange(other.cpu_, -1);
  }
  return *this;
}

CpuLease::~CpuLease() { release(); }

void CpuLease::release() {
  if (cpu_ < 0) return;
  Table& t = table();
  std::lock_guard lock(t.mutex);
  --t.leases[std::exchange(cpu_, -1)];
}

}  // namespace sc::qemu

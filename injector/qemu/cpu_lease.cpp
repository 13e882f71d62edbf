// cpu_lease.cpp — see cpu_lease.h.
#include "injector/qemu/cpu_lease.h"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
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

// The one CPU a process may run on, if it is bound to exactly one
// (Cpus_allowed_list of /proc/PID/status), else -1.
int bound_cpu(const std::filesystem::path& proc) {
  std::ifstream in(proc / "status");
  const std::string key = "Cpus_allowed_list:";
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(key, 0) != 0) continue;
    const std::string list = line.substr(std::min(line.size(), line.find_first_not_of(" \t", key.size())));
    if (list.empty() || list.find_first_not_of("0123456789") != std::string::npos) return -1;
    return std::stoi(list);
  }
  return -1;
}

// QEMUs other processes bound to one CPU (other stablecut runs, AFL++-style
// tools), per CPU: a CPU they hold counts as taken.
std::map<int, int> bound_elsewhere() {
  std::map<int, int> count;
  std::error_code ec;
  for (std::filesystem::directory_iterator it("/proc", ec), end; !ec && it != end; it.increment(ec)) {
    std::ifstream comm(it->path() / "comm");
    std::string name;
    if (!std::getline(comm, name) || name.rfind("qemu-system", 0) != 0) continue;
    std::ifstream stat(it->path() / "stat");
    std::string text;
    std::getline(stat, text);
    const size_t close = text.rfind(')');
    if (close == std::string::npos || close + 4 >= text.size()) continue;
    const pid_t parent = static_cast<pid_t>(std::atol(text.c_str() + close + 4));
    if (parent == getpid()) continue;
    if (const int cpu = bound_cpu(it->path()); cpu >= 0) ++count[cpu];
  }
  return count;
}

}  // namespace

int least_loaded_cpu(const std::map<int, int>& leases, const std::map<int, int>& elsewhere) {
  int best = -1;
  int best_load = 0;
  for (const auto& [cpu, own] : leases) {
    const auto other = elsewhere.find(cpu);
    const int load = own + (other == elsewhere.end() ? 0 : other->second);
    if (best < 0 || load < best_load) best = cpu, best_load = load;
  }
  return best;
}

CpuLease CpuLease::acquire() {
  Table& t = table();
  std::lock_guard lock(t.mutex);
  const int cpu = least_loaded_cpu(t.leases, t.leases.empty() ? std::map<int, int>{} : bound_elsewhere());
  if (cpu < 0) return CpuLease();
  ++t.leases[cpu];
  return CpuLease(cpu);
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

// cpu_lease_test.cpp — CpuLease (cpu_lease.h): the least loaded allowed CPU
// is taken, counting other processes' bound QEMUs; a lease is an allowed
// CPU and moves; a runner's QEMU and nbdkit run bound to its lease's CPU,
// every thread of them.
#include "injector/qemu/cpu_lease.h"

#include <gtest/gtest.h>
#include <sched.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "injector/qemu/qemu_runner.h"

namespace sc::qemu {
namespace {

TEST(CpuLease, TheLeastLoadedCpuIsTaken) {
  EXPECT_EQ(least_loaded_cpu({{0, 0}, {1, 0}}, {}), 0) << "the lowest on a tie";
  EXPECT_EQ(least_loaded_cpu({{0, 1}, {1, 0}}, {}), 1);
  EXPECT_EQ(least_loaded_cpu({{0, 0}, {1, 0}}, {{0, 1}}), 1) << "a CPU another process's QEMU is bound to";
  EXPECT_EQ(least_loaded_cpu({{0, 0}, {1, 1}}, {{0, 2}}), 1);
  EXPECT_EQ(least_loaded_cpu({{2, 0}, {3, 0}}, {{0, 5}}), 2) << "CPUs this process may not use do not count";
  EXPECT_EQ(least_loaded_cpu({}, {{0, 1}}), -1);
}

TEST(CpuLease, LeasesAreTakenAndComeBack) {
  CpuLease lease = CpuLease::acquire();
  ASSERT_GE(lease.cpu(), 0);
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  ASSERT_EQ(sched_getaffinity(0, sizeof allowed, &allowed), 0);
  EXPECT_TRUE(CPU_ISSET(lease.cpu(), &allowed));
  CpuLease moved = std::move(lease);
  EXPECT_EQ(lease.cpu(), -1);
  EXPECT_GE(moved.cpu(), 0);
}

// The CPUs a process's threads may run on, from /proc/PID/task/*/status.
std::set<std::string> allowed_lists(pid_t pid) {
  std::set<std::string> lists;
  for (const auto& task : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task")) {
    std::ifstream in(task.path() / "status");
    for (std::string line; std::getline(in, line);)
      if (line.rfind("Cpus_allowed_list:", 0) == 0) lists.insert(line.substr(line.find_first_not_of(" \t", 18)));
  }
  return lists;
}

// This process's children (pids whose parent is getpid()).
std::vector<pid_t> children() {
  std::vector<pid_t> out;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    std::ifstream in(entry.path() / "stat");
    std::string stat;
    if (!std::getline(in, stat) || stat.rfind(')') == std::string::npos) continue;
    std::istringstream rest(stat.substr(stat.rfind(')') + 2));
    char state;
    pid_t parent;
    if (rest >> state >> parent && parent == getpid()) out.push_back(std::stoi(entry.path().filename().string()));
  }
  return out;
}

TEST(CpuLease, ARunnersQemuAndNbdkitRunOnItsCpu) {
  RunConfig config;
  config.kernel_elf = STABLECUT_SPIN_ELF;
  config.timeout = std::chrono::milliseconds(20000);
  QemuRunner runner(config);
  ASSERT_GE(runner.cpu(), 0);
  std::thread boot([&runner] { runner.boot(); });
  std::vector<pid_t> pids;
  for (int i = 0; i < 5000 && pids.size() < 2; ++i, std::this_thread::sleep_for(std::chrono::milliseconds(1)))
    pids = children();
  EXPECT_EQ(pids.size(), 2u) << "nbdkit and QEMU";
  for (const pid_t pid : pids)
    EXPECT_EQ(allowed_lists(pid), std::set<std::string>{std::to_string(runner.cpu())}) << "pid " << pid;
  runner.power_cut();
  boot.join();
}

}  // namespace
}  // namespace sc::qemu

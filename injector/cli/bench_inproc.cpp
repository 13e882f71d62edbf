// bench_inproc.cpp — see bench_inproc.h.
#include "injector/cli/bench_inproc.h"

#include <chrono>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "injector/check/core_share.h"

namespace sc::cli {

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// VmRSS of this process in bytes; 0 where /proc/self/status does not say.
uint64_t resident_bytes() {
  std::ifstream status("/proc/self/status");
  std::string key;
  uint64_t kib = 0;
  while (status >> key) {
    if (key == "VmRSS:" && status >> kib) return kib * 1024;
    status.ignore(4096, '\n');
  }
  return 0;
}

}  // namespace

ExploreRate measure_explore(const Workload& w, const Recording& rec, const ExploreOptions& options, size_t workers,
                            double seconds) {
  ExploreRate total;
  std::mutex lock;
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (size_t i = 0; i < workers; ++i)
    threads.emplace_back([&] {
      while (since(start) < seconds) {
        const ExploreResult r = explore_inproc(w, SeededBugs{}, rec, options);
        std::lock_guard<std::mutex> guard(lock);
        total.states += r.states;
        total.recalled += r.recalled;
        ++total.rounds;
      }
    });
  for (auto& t : threads) t.join();
  total.seconds = since(start);
  return total;
}

ExploreRate measure_explore_by_cuts(const Workload& w, const Recording& rec, ExploreOptions options, size_t cores,
                                    double seconds) {
  options.cores = std::make_shared<CoreShare>(cores);
  HeldCore explorer(*options.cores);  // the one of measure_explore's thread
  return measure_explore(w, rec, options, 1, seconds);
}

double resident_bytes_per_state(const Recording& rec) {
  const uint64_t before = resident_bytes();
  crash::CrashStateEnumerator e(rec.trace, crash::EnumeratorOptions{});
  uint64_t states = 0;
  while (e.next()) ++states;
  const uint64_t after = resident_bytes();
  return states == 0 || after < before ? 0.0 : static_cast<double>(after - before) / static_cast<double>(states);
}

}  // namespace sc::cli

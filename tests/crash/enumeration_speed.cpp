// enumeration_speed.cpp — measures CrashStateEnumerator throughput (states/s)
// on a ~200-request trace of 4 KiB writes with a flush every 25 requests and
// some FUA writes, all modes, default options. Prints one line per run.
// Usage: crash_enumeration_speed [requests]
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "enumerator.h"
#include "kernel/core/prng.h"
#include "test_traces.h"

namespace {

sc::crash::Trace four_kib_trace(size_t requests) {
  sc::Prng prng(1);
  sc::crash::Trace trace(1 << 16);
  for (size_t i = 0; i < requests; ++i) {
    if (i % 25 == 24) {
      trace.append_flush(sc::Phase::SNAPSHOT);
      continue;
    }
    const uint64_t sector = prng.below((1 << 16) / 8) * 8;
    sc::crash::test::write_tagged(trace, sector, 8, static_cast<uint8_t>(1 + i % 250), i % 10 == 0);
  }
  return trace;
}

}  // namespace

int main(int argc, char** argv) {
  const size_t requests = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 200;
  const sc::crash::Trace trace = four_kib_trace(requests);
  const auto start = std::chrono::steady_clock::now();
  sc::crash::CrashStateEnumerator e(trace, sc::crash::EnumeratorOptions{});
  uint64_t delta_sectors = 0;
  while (e.next()) delta_sectors += e.image().delta().size();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto& c = e.counters();
  std::printf("requests=%zu generated=%llu yielded=%llu duplicates=%llu delta_sectors=%llu "
              "seconds=%.3f generated/s=%.0f yielded/s=%.0f\n",
              requests, static_cast<unsigned long long>(c.generated),
              static_cast<unsigned long long>(c.yielded), static_cast<unsigned long long>(c.duplicates),
              static_cast<unsigned long long>(delta_sectors), seconds,
              static_cast<double>(c.generated) / seconds, static_cast<double>(c.yielded) / seconds);
  return 0;
}

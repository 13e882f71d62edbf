// tier_fixture.h — shared helpers of the QEMU-tier tests: where the kernel
// image, the plugin and the corpus are, the tier configuration, and an
// in-process recording of a workload (WorkloadRunner on a RecordingDisk, a
// crash step flushes then reboots) to compare the QEMU tier against.
#pragma once
#include <string>
#include <vector>

#include "injector/crash/recording_disk.h"
#include "injector/inproc/recording.h"
#include "injector/inproc/workload_runner.h"
#include "injector/qemu/qemu_tier.h"
#include "injector/workload/workload_file.h"

namespace sc::qemu::test {

inline TierConfig tier_config() {
  TierConfig cfg;
  cfg.kernel_elf = STABLECUT_KERNEL_ELF;
  cfg.plugin = STABLECUT_NBDKIT_PLUGIN;
  return cfg;
}

inline Workload corpus(const std::string& name) {
  return load_workload_file(std::string(STABLECUT_CORPUS_DIR) + "/" + name + ".json");
}

inline std::vector<std::string> corpus_names() {
  return {"basic", "concurrent_loci", "crash_cycles", "hierarchy", "many_pages", "two_managers_cut"};
}

struct InprocRun {
  crash::Trace trace;
  std::vector<Event> events;
  std::vector<SystemState> history;  // S_0 .. S_k
  std::vector<std::string> findings;
};

inline InprocRun record_inproc_run(const Workload& w, const SeededBugs& bugs) {
  crash::RecordingDisk disk(w.disk_sectors());
  RunOptions options;
  options.bugs = bugs;
  WorkloadRunner runner(w, disk, [&disk] { disk.flush(); }, options);
  const sc::RunResult result = runner.run();
  InprocRun run{disk.trace(), runner.events(), {}, result.findings};
  for (size_t k = 0; k <= runner.model().stabilisations(); ++k) run.history.push_back(runner.model().stable(k));
  return run;
}

}  // namespace sc::qemu::test

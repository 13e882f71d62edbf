// recording.cpp — see recording.h.
#include "injector/inproc/recording.h"

#include "injector/crash/recording_disk.h"
#include "injector/inproc/workload_runner.h"

namespace sc {

Recording record_inproc(const Workload& w, const SeededBugs& bugs, MutantRun* mutant, const crash::Fault* io_error) {
  crash::RecordingDisk disk(w.disk_sectors());
  if (io_error != nullptr) disk.fail_request(io_error->request, io_error->detail == 1);
  RunOptions options;
  options.bugs = bugs;
  options.mutant = mutant;
  uint64_t last_crash = 0;
  const auto position = [&disk] { return uint64_t{disk.trace().requests().size()}; };
  const auto power_cut = [&] {
    disk.flush();
    last_crash = position();
  };
  WorkloadRunner runner(w, disk, power_cut, options, position);
  if (io_error != nullptr) runner.allow_failed_stabilisations(io_error->request);
  const RunResult result = runner.run();
  Recording rec{disk.trace(), {}, runner.model().spans(), result.findings, result.events, last_crash};
  for (size_t k = 0; k <= runner.model().stabilisations(); ++k) rec.history.push_back(runner.model().stable(k));
  return rec;
}

}  // namespace sc

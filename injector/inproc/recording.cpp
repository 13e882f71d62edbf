// recording.cpp — see recording.h.
#include "injector/inproc/recording.h"

#include "injector/check/beyond_memory.h"
#include "injector/crash/recording_disk.h"
#include "injector/inproc/workload_runner.h"

namespace sc {

Recording record_inproc(const Workload& w, const SeededBugs& bugs, MutantRun* mutant, const crash::Fault* io_error) {
  crash::RecordingDisk disk(w.disk_sectors());
  if (io_error != nullptr) disk.fail_request(io_error->request, io_error->detail == 1);
  RunOptions options;
  options.bugs = bugs;
  options.mutant = mutant;
  WorkloadRunner runner(
      w, disk, [&disk] { disk.flush(); }, options, [&disk] { return uint64_t{disk.trace().requests().size()}; });
  if (io_error != nullptr) runner.allow_failed_stabilisations(io_error->request);
  const RunResult result = runner.run();
  Recording rec{disk.take_trace(), {}, runner.model().spans(), result.findings, result.events, {}};
  for (size_t k = 0; k <= runner.model().stabilisations(); ++k) rec.history.push_back(runner.model().stable(k));
  rec.beyond_memory = runner.model().beyond_memory();
  require_within_memory(w, rec);
  return rec;
}

}  // namespace sc

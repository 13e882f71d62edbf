// recording.cpp — see recording.h.
#include "injector/inproc/recording.h"

#include "injector/crash/recording_disk.h"
#include "injector/inproc/workload_runner.h"

namespace sc {

Recording record_inproc(const Workload& w, const SeededBugs& bugs, MutantRun* mutant) {
  crash::RecordingDisk disk(w.disk_sectors());
  RunOptions options;
  options.bugs = bugs;
  options.mutant = mutant;
  WorkloadRunner runner(
      w, disk, [&disk] { disk.flush(); }, options, [&disk] { return uint64_t{disk.trace().requests().size()}; });
  const RunResult result = runner.run();
  Recording rec{disk.trace(), {}, {}, result.findings, result.events};
  for (size_t k = 0; k <= runner.model().stabilisations(); ++k) rec.history.push_back(runner.model().stable(k));
  for (const Event& e : runner.events())
    if (e.kind == OpKind::stabilise && e.status == Status::ok) rec.spans.push_back({e.disk_begin, e.disk_end});
  return rec;
}

}  // namespace sc

// recording.h — one recorded run of the SQLite workload: the trace of the
// device its files live on, the content hash of the table after each
// acknowledged commit, and where each commit began and returned in the trace.
// states[0] is kNoTable (nothing committed); states[j] is the content after
// commit j (commit 1 creates the table); spans[j - 1] is commit j's span, so
// legal_window(spans, cut) indexes states directly: every commit that
// returned before the cut must survive (injector/oracle/legal_window.h).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "injector/crash/trace.h"
#include "injector/oracle/legal_window.h"
#include "injector/sqlite/settings.h"

namespace sc::sqlite {

// Sectors per file region: 8 MiB each for the database, journal and WAL.
constexpr uint64_t kRegionSectors = 16384;

struct SqliteRecording {
  Settings settings;
  crash::Trace trace{0};
  std::vector<uint64_t> states;
  std::vector<StabilisationSpan> spans;
  uint64_t checkpoints = 0;  // WAL checkpoints the workload ran
  uint64_t spills = 0;       // dirty pages SQLite wrote before their commit (SQLITE_DBSTATUS_CACHE_SPILL)
};

}  // namespace sc::sqlite

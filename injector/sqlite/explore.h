// explore.h — every crash state of a SQLite recording, judged: the shared
// CrashStateEnumerator (same modes and options as for managers, judged again
// where the legal window changes) feeds check_image() under
// legal_window_of(rec.spans, state) (the cut's window, widened under a fault
// that destroys durable data, injector/check/state_window.h).
// With read-error among the modes, the read-error states of each cut
// (read_error_states.h) follow the enumerated states of that cut. With
// io-error, then, for each fault draw_io_errors() draws from the clean
// recording's commits after commit 1 (which sets the database up), the workload is recorded again with that request
// failing (record_workload) and the prefix states of that run at every cut
// from the failed request on are judged, kind io-error, named (cut, index)
// within that run plus the fault; a faulted run that itself goes wrong (a
// run error) is a finding of its own, in run_findings.
// A state is named for replay by (cut, index): index counts the states
// yielded at that cut, from 0 — the same for the same trace and options, so
// find_state() rebuilds it.
// Interface: explore_sqlite() returns counts by outcome x crash-state kind
// and the first state of each failure signature ("OUTCOME: WHY", from fixed
// phrases only); progress is called about every 0.5 s.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "injector/check/explore_result.h"
#include "injector/crash/enumerator.h"
#include "injector/sqlite/image_check.h"
#include "injector/sqlite/recording.h"

namespace sc::sqlite {

struct StateName {
  size_t cut = 0;
  size_t index = 0;
  std::optional<crash::Fault> io_error;  // a state of the run recorded again with this request failing
};

struct SqliteFailure {
  StateName name;
  crash::CrashState state;
  LegalWindow window;
  ImageVerdict verdict;
  std::string signature;
};

using SqliteCounts = std::array<std::array<uint64_t, crash::kModeCount>, kOutcomeCount>;

struct SqliteExploreResult {
  SqliteCounts counts{};
  uint64_t states = 0;
  uint64_t illegal = 0;
  uint64_t duplicates = 0;
  bool stopped = false;  // max_states ended it before the enumeration did
  double seconds = 0;
  std::vector<SqliteFailure> failures;          // the first state of each signature
  std::map<std::string, uint64_t> signatures;  // signature -> states
  std::vector<std::string> run_findings;       // faulted runs that went wrong while recording (io-error)
};

std::string failure_signature(const ImageVerdict& v);

SqliteExploreResult explore_sqlite(const SqliteRecording& rec, crash::EnumeratorOptions options, uint64_t max_states,
                                   const std::function<void(const ExploreProgress&)>& progress);

// The state named `name` of the enumeration, judged; nullopt if the
// enumeration yields no such state.
std::optional<SqliteFailure> find_state(const SqliteRecording& rec, crash::EnumeratorOptions options, StateName name);

}  // namespace sc::sqlite

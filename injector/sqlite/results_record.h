// results_record.h — writes one `stablecut sqlite` run into the results
// database, beside the managers' campaigns, so `stablecut stats` counts it:
// a campaign (manager "sqlite", tier inproc) holding one workload named
// "sqlite:JOURNAL/SYNCHRONOUS" whose JSON lists that name as its manager
// program (stats --by manager groups by it), its outcome counts (phase RUN:
// SQLite has no stabilisation phases) and one failure per signature,
// prefixed by the workload name, with its replay command. No crash_state
// rows: their keys would name manager states that `replay` cannot rebuild.
// Errors: throws results::DbError (one line) if the database is refused.
#pragma once
#include <filesystem>
#include <functional>
#include <string>

#include "injector/sqlite/explore.h"

namespace sc::sqlite {

struct RunTimes {
  double record_s = 0;
  double check_s = 0;
};

void record_results(const std::filesystem::path& db, const SqliteRecording& rec, const SqliteExploreResult& r,
                    const std::string& command_line, RunTimes times,
                    const std::function<std::string(const SqliteFailure&)>& replay_command);

}  // namespace sc::sqlite

// workload_driver.h — records the seeded SQLite workload on a RecordingDisk
// through the crash-model VFS.
//
// The workload: open the database with page_size 1024, cache_size 10
// (so a large transaction spills dirty pages before it commits),
// temp_store MEMORY, locking_mode EXCLUSIVE in WAL mode (the VFS has no
// shared memory) and NORMAL otherwise, the chosen journal_mode and
// synchronous; commit 1 creates the table; then `transactions` transactions,
// each BEGIN ... COMMIT of a few inserts, updates and deletes (one in four a
// large one of 20-39 inserts of 300-899 bytes). In WAL mode a checkpoint
// (PASSIVE or TRUNCATE) follows a commit one time in three, outside every
// commit's span. Every choice comes from one Prng seeded with settings.seed,
// and SQLite's own randomness is seeded too, so a seed records the same
// trace bit for bit. After each commit the driver reads the table back and
// compares it with its model.
// Errors: throws std::runtime_error (one line) if SQLite fails or reads back
// other content than the model while recording — the run itself, not a
// crash state, went wrong.
#pragma once
#include "injector/sqlite/recording.h"

namespace sc::sqlite {

SqliteRecording record_workload(const Settings& settings);

}  // namespace sc::sqlite

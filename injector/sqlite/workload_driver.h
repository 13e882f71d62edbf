// workload_driver.h — records the seeded SQLite workload on a RecordingDisk
// through the crash-model VFS.
//
// The workload: open the database with page_size 1024, cache_size 10
// (so a large transaction spills dirty pages before it commits),
// temp_store MEMORY, locking_mode EXCLUSIVE in WAL mode (the VFS has no
// shared memory) and NORMAL otherwise, the chosen journal_mode and
// synchronous; commit 1 creates the table; then `transactions` transactions,
// each BEGIN ... COMMIT of 1-6 random inserts, updates and deletes, except
// every fourth from the third, a large one of 30-49 inserts of 600-999 bytes
// that spills dirty pages to the database file before its commit. In WAL
// mode a checkpoint (PASSIVE or TRUNCATE, at random) follows every third
// commit from the second, outside every commit's span. Every choice comes from one Prng seeded with settings.seed,
// and SQLite's own randomness is seeded too, so a seed records the same
// trace bit for bit. After each commit the driver reads the table back and
// compares it with its model.
// With `io_error` (crash_model.h, FAULT CLASSES), the device fails that
// request: the statement that issued it fails, SQLite rolls the transaction
// back, and the run goes on with the next one. A failed COMMIT is a failed
// attempt (its span marked failed, its content a legal but never required
// state); the table must then hold the last commit or the attempted one,
// and the run goes on from what it holds.
// Errors: throws std::runtime_error (one line) if SQLite fails (other than
// by the injected error) or reads back other content than the model while
// recording — the run itself, not a crash state, went wrong.
#pragma once
#include "injector/crash/crash_model.h"
#include "injector/sqlite/recording.h"

namespace sc::sqlite {

SqliteRecording record_workload(const Settings& settings, const crash::Fault* io_error = nullptr);

}  // namespace sc::sqlite

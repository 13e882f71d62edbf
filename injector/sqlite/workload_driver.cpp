// workload_driver.cpp — see workload_driver.h.
#include "injector/sqlite/workload_driver.h"

#include <fmt/format.h>

#include <functional>
#include <iterator>
#include <stdexcept>

#include "injector/crash/recording_disk.h"
#include "injector/sqlite/connection.h"
#include "injector/sqlite/crash_vfs.h"
#include "injector/sqlite/file_region.h"
#include "injector/sqlite/table_content.h"
#include "kernel/core/prng.h"

namespace sc::sqlite {

namespace {

// Thrown when a statement fails once the injected io-error has fired: the
// transaction is abandoned and the run goes on (record_workload).
struct InjectedFailure {};

// Throws InjectedFailure if the injected io-error has fired, else a run error.
[[noreturn]] void fail_statement(Connection& db, const std::function<bool()>& fired) {
  if (fired()) throw InjectedFailure{};
  throw std::runtime_error("sqlite workload: " + db.error());
}

// The model of the table and the statements that change both it and SQLite.
class TableWriter {
 public:
  TableWriter(Connection& db, Prng& prng, std::function<bool()> fired)
      : db_(db), prng_(prng), fired_(std::move(fired)) {}

  void insert(size_t min_bytes, size_t max_bytes) {
    std::vector<uint8_t> value(min_bytes + prng_.below(max_bytes - min_bytes + 1));
    for (auto& b : value) b = static_cast<uint8_t>(prng_.next());
    const int64_t id = next_id_++;
    run("INSERT INTO t(id, v) VALUES (?1, ?2)", id, &value);
    rows_[id] = std::move(value);
  }

  void update() {
    const int64_t id = random_id();
    std::vector<uint8_t> value(16 + prng_.below(400));
    for (auto& b : value) b = static_cast<uint8_t>(prng_.next());
    run("UPDATE t SET v = ?2 WHERE id = ?1", id, &value);
    rows_[id] = std::move(value);
  }

  void remove() {
    const int64_t id = random_id();
    run("DELETE FROM t WHERE id = ?1", id, nullptr);
    rows_.erase(id);
  }

  bool empty() const { return rows_.empty(); }
  const Rows& rows() const { return rows_; }
  void restore(Rows rows) { rows_ = std::move(rows); }

 private:
  int64_t random_id() { return std::next(rows_.begin(), static_cast<long>(prng_.below(rows_.size())))->first; }

  void run(const char* sql, int64_t id, const std::vector<uint8_t>* value) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_.handle(), sql, -1, &st, nullptr) != SQLITE_OK) fail(sql);
    sqlite3_bind_int64(st, 1, id);
    if (value) sqlite3_bind_blob(st, 2, value->data(), static_cast<int>(value->size()), SQLITE_TRANSIENT);
    const int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) fail(sql);
  }

  [[noreturn]] void fail(const char* sql) {
    db_.fail(sql);
    fail_statement(db_, fired_);
  }

  Connection& db_;
  Prng& prng_;
  std::function<bool()> fired_;
  Rows rows_;
  int64_t next_id_ = 1;
};

void exec_or_throw(Connection& db, const std::string& sql, const std::function<bool()>& fired) {
  if (!db.exec(sql)) fail_statement(db, fired);
}

// Every fourth transaction, from the third, is large: 30-49 rows of
// 600-999 bytes (at least 18 pages of 1024 bytes against a cache of 10).
bool large_transaction(uint32_t i) { return i % 4 == 2; }

void write_transaction(TableWriter& table, Prng& prng, bool large) {
  if (large) {
    const uint64_t n = 30 + prng.below(20);
    for (uint64_t i = 0; i < n; ++i) table.insert(600, 999);
    return;
  }
  const uint64_t ops = 1 + prng.below(6);
  for (uint64_t i = 0; i < ops; ++i) {
    const uint64_t op = table.empty() ? 0 : prng.below(3);
    if (op == 0) table.insert(16, 400);
    else if (op == 1) table.update();
    else table.remove();
  }
}

void check_read_back(Connection& db, const Rows& model, size_t commit) {
  const auto h = read_content(db);
  if (!h) throw std::runtime_error("sqlite workload: reading back: " + db.error());
  if (*h != content_hash(model))
    throw std::runtime_error(fmt::format("sqlite workload: commit {} reads back other rows than were written", commit));
}

uint64_t cache_spills(Connection& db) {
  int current = 0, highwater = 0;
  sqlite3_db_status(db.handle(), SQLITE_DBSTATUS_CACHE_SPILL, &current, &highwater, 0);
  return static_cast<uint64_t>(current);
}

std::string setup_sql(const Settings& s) {
  // EXCLUSIVE only where WAL needs it: in a rollback-journal mode it would
  // keep the journal file and zero its header instead of deleting or
  // truncating it (pager.c), so DELETE and TRUNCATE would not be tested.
  const char* locking = s.journal == Journal::wal ? "EXCLUSIVE" : "NORMAL";
  return fmt::format(
      "PRAGMA page_size = 1024; PRAGMA cache_size = 10; PRAGMA temp_store = MEMORY; "
      "PRAGMA locking_mode = {}; PRAGMA journal_mode = {}; PRAGMA synchronous = {}; {}",
      locking, journal_name(s.journal), synchronous_name(s.synchronous), kCreateTable);
}

// After a transaction failed with the injected io-error: SQLite rolls it
// back, and the table must hold the last commit — or, if COMMIT itself
// failed, possibly the attempted transaction, whose data may have reached the
// media anyway. A failed COMMIT is recorded as a failed attempt (its span
// marked failed, its content a state that is legal but never required,
// legal_window.h); the model goes on from what SQLite holds.
void after_failed_transaction(Connection& db, TableWriter& table, const Rows& before, bool committing,
                              uint64_t begin, uint64_t end, SqliteRecording* rec) {
  db.exec("ROLLBACK");  // fails harmlessly when SQLite already rolled back
  const uint64_t attempted = content_hash(table.rows());
  if (committing) {
    rec->spans.push_back({begin, end, true});
    rec->states.push_back(attempted);
  }
  const auto now = read_content(db);
  if (!now) throw std::runtime_error("sqlite workload: reading back after the failed transaction: " + db.error());
  if (*now == content_hash(before)) {
    table.restore(before);
    return;
  }
  if (!committing || *now != attempted)
    throw std::runtime_error("sqlite workload: after the failed transaction the table holds neither the last commit "
                             "nor the attempted one");
}

}  // namespace

SqliteRecording record_workload(const Settings& settings, const crash::Fault* io_error) {
  crash::RecordingDisk disk(device_sectors(kRegionSectors));
  if (io_error != nullptr) disk.fail_request(io_error->request, io_error->detail == 1);
  const std::function<bool()> fired = [&] { return disk.failed_request(); };
  SeededRandomness seeded(settings.seed);
  CrashVfs vfs(disk, kRegionSectors, settings.seed);
  Prng prng(settings.seed);
  SqliteRecording rec{settings, crash::Trace(0), {kNoTable}, {}};
  const auto requests = [&] { return static_cast<uint64_t>(disk.trace().requests().size()); };
  {
    std::string error;
    auto db = Connection::open(CrashVfs::kMainName, vfs.name(), &error);
    if (!db) throw std::runtime_error("sqlite workload: " + error);
    exec_or_throw(*db, setup_sql(settings), [] { return false; });  // commit 1: the table
    rec.spans.push_back({0, requests()});
    TableWriter table(*db, prng, fired);
    rec.states.push_back(content_hash(table.rows()));
    for (uint32_t i = 0; i < settings.transactions; ++i) {
      const uint64_t begin = requests();
      const Rows before = table.rows();
      bool committing = false;
      try {
        exec_or_throw(*db, "BEGIN", fired);
        write_transaction(table, prng, large_transaction(i));
        committing = true;
        exec_or_throw(*db, "COMMIT", fired);  // the commit is acknowledged when this returns
        rec.spans.push_back({begin, requests()});
        rec.states.push_back(content_hash(table.rows()));
        check_read_back(*db, table.rows(), rec.states.size() - 1);
      } catch (const InjectedFailure&) {
        after_failed_transaction(*db, table, before, committing, begin, requests(), &rec);
      }
      if (settings.journal == Journal::wal && i % 3 == 1) {
        exec_or_throw(*db, prng.below(2) ? "PRAGMA wal_checkpoint(TRUNCATE)" : "PRAGMA wal_checkpoint(PASSIVE)",
                      [] { return false; });
        ++rec.checkpoints;
      }
    }
    rec.spills = cache_spills(*db);
  }
  rec.trace = disk.trace();
  return rec;
}

}  // namespace sc::sqlite

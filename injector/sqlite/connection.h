// connection.h — a small RAII handle on one SQLite connection through a
// named VFS, for the workload driver and the crash-image checker (the
// results database has its own, injector/results/sqlite.h).
// Interface: open() returns nullopt and the error text on failure; exec()
// and query_column() report failure (false, nullopt) and set error(), never
// throw. Every connection is closed by the destructor.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace sc::sqlite {

class Connection {
 public:
  // Opens `path` read-write (created if missing) through VFS `vfs`.
  static std::optional<Connection> open(const char* path, const char* vfs, std::string* error);
  Connection(Connection&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Connection& operator=(Connection&&) = delete;
  ~Connection();

  sqlite3* handle() const { return db_; }
  bool exec(const std::string& sql);
  // The values of the first column of every row, joined by "; ".
  std::optional<std::string> query_column(const std::string& sql);
  const std::string& error() const { return error_; }
  void fail(const std::string& where);

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::string error_;
};

// Sets SQLite's process-wide PRNG seed (journal nonces, WAL salts) for its
// lifetime, so a run replays bit for bit; restores OS randomness after.
class SeededRandomness {
 public:
  explicit SeededRandomness(uint64_t seed);
  ~SeededRandomness();
  SeededRandomness(const SeededRandomness&) = delete;
  SeededRandomness& operator=(const SeededRandomness&) = delete;
};

}  // namespace sc::sqlite

// sqlite.h — tiny RAII wrappers over SQLite's C API: Connection, Statement,
// Transaction. No ORM: callers write SQL and bind by position (1-based).
// Invariants: every SQLite error becomes a DbError "<path>: <sqlite message>";
// a Transaction that is destroyed without commit() rolls back.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace sc::results {

class Connection {
 public:
  // flags are SQLITE_OPEN_*; throws DbError if SQLite cannot open the file.
  // With a uri (db_uri.h) SQLite opens that, and errors still name path.
  Connection(const std::filesystem::path& path, int flags, const std::string& uri = {});
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // Runs one or more statements that return no rows.
  void exec(const std::string& sql) const;
  // Throws DbError if rc is not SQLITE_OK/ROW/DONE.
  void check(int rc) const;
  [[noreturn]] void fail(const std::string& what) const;
  std::int64_t pragma_int(const std::string& name) const;

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement(const Connection& conn, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::optional<std::string>& value);
  Statement& bind(int index, const std::optional<std::int64_t>& value);
  Statement& bind_null(int index);

  // Steps once: true if a row is available, false when done.
  bool step();
  // Steps to completion; throws if the statement returned a row.
  void run();
  void reset();

  std::int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  std::optional<std::string> column_optional_text(int index) const;
  std::optional<std::int64_t> column_optional_int(int index) const;
  bool column_is_null(int index) const;
  int column_count() const;
  std::string column_name(int index) const;

 private:
  const Connection& conn_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless committed.
class Transaction {
 public:
  explicit Transaction(const Connection& conn);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  const Connection& conn_;
  bool open_ = true;
};

}  // namespace sc::results

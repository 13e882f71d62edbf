// sqlite.cpp — the RAII wrappers of sqlite.h.
#include "sqlite.h"

#include <sqlite3.h>

#include <limits>

#include "error.h"

namespace sc::results {

namespace {

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

int size_as_int(std::size_t n) {
  if (n > static_cast<std::size_t>(std::numeric_limits<int>::max())) throw std::length_error("text too long for SQLite");
  return static_cast<int>(n);
}

}  // namespace

Connection::Connection(const std::filesystem::path& path, int flags, const std::string& uri) : path_(path.string()) {
  const std::string& name = uri.empty() ? path_ : uri;
  const int rc = sqlite3_open_v2(name.c_str(), &db_, flags | (uri.empty() ? 0 : SQLITE_OPEN_URI), nullptr);
  if (rc != SQLITE_OK) {
    const std::string what = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw DbError(path_, one_line(what));
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 5000);
}

Connection::~Connection() { sqlite3_close(db_); }

void Connection::exec(const std::string& sql) const { check(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr)); }

void Connection::check(int rc) const {
  const int primary = rc & 0xff;
  if (primary != SQLITE_OK && primary != SQLITE_ROW && primary != SQLITE_DONE) fail(sqlite3_errmsg(db_));
}

void Connection::fail(const std::string& what) const { throw DbError(path_, one_line(what)); }

std::int64_t Connection::pragma_int(const std::string& name) const {
  Statement st(*this, "PRAGMA " + name);
  if (!st.step()) fail("PRAGMA " + name + " returned no value");
  return st.column_int(0);
}

Statement::Statement(const Connection& conn, std::string_view sql) : conn_(conn) {
  conn_.check(sqlite3_prepare_v2(conn_.handle(), sql.data(), size_as_int(sql.size()), &stmt_, nullptr));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
  conn_.check(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

Statement& Statement::bind(int index, double value) {
  conn_.check(sqlite3_bind_double(stmt_, index, value));
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  conn_.check(sqlite3_bind_text(stmt_, index, value.data(), size_as_int(value.size()), SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
  return value ? bind(index, std::string_view(*value)) : bind_null(index);
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
  return value ? bind(index, *value) : bind_null(index);
}

Statement& Statement::bind_null(int index) {
  conn_.check(sqlite3_bind_null(stmt_, index));
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  conn_.check(rc);
  return rc == SQLITE_ROW;
}

void Statement::run() {
  if (step()) conn_.fail(std::string("statement returned a row: ") + sqlite3_sql(stmt_));
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }

double Statement::column_double(int index) const { return sqlite3_column_double(stmt_, index); }

std::string Statement::column_text(int index) const {
  const auto* text = sqlite3_column_text(stmt_, index);
  const int size = sqlite3_column_bytes(stmt_, index);
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

std::optional<std::string> Statement::column_optional_text(int index) const {
  if (column_is_null(index)) return std::nullopt;
  return column_text(index);
}

std::optional<std::int64_t> Statement::column_optional_int(int index) const {
  if (column_is_null(index)) return std::nullopt;
  return column_int(index);
}

bool Statement::column_is_null(int index) const { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }

int Statement::column_count() const { return sqlite3_column_count(stmt_); }

std::string Statement::column_name(int index) const { return sqlite3_column_name(stmt_, index); }

Transaction::Transaction(const Connection& conn) : conn_(conn) { conn_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (open_) sqlite3_exec(conn_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  conn_.exec("COMMIT");
  open_ = false;
}

}  // namespace sc::results

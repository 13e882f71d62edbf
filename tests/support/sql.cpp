// sql.cpp — see sql.h.
#include "tests/support/sql.h"

#include <sqlite3.h>

#include <functional>
#include <stdexcept>

namespace sc::test {

namespace {

void with_db(const std::string& db, const std::string& sql, const std::function<void(sqlite3_stmt*)>& row) {
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(h);
    throw std::runtime_error(db);
  }
  sqlite3_busy_timeout(h, 2000);  // a running campaign may hold the lock for a moment
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    const std::string msg = sqlite3_errmsg(h);
    sqlite3_close(h);
    throw std::runtime_error(sql + ": " + msg);
  }
  while (sqlite3_step(st) == SQLITE_ROW) row(st);
  sqlite3_finalize(st);
  sqlite3_close(h);
}

}  // namespace

std::int64_t sql_int(const std::string& db, const std::string& sql) {
  std::int64_t v = 0;
  with_db(db, sql, [&](sqlite3_stmt* st) { v = sqlite3_column_int64(st, 0); });
  return v;
}

void sql_exec(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  const int rc = sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr);
  char* error = nullptr;
  if (rc == SQLITE_OK) sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = rc != SQLITE_OK ? db : error ? sql + ": " + error : "";
  sqlite3_free(error);
  sqlite3_close(h);
  if (!message.empty()) throw std::runtime_error(message);
}

std::vector<std::string> sql_rows(const std::string& db, const std::string& sql) {
  std::vector<std::string> rows;
  with_db(db, sql, [&](sqlite3_stmt* st) {
    std::string r;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      const auto* t = sqlite3_column_text(st, i);
      r += (i ? "|" : "") + std::string(t ? reinterpret_cast<const char*>(t) : "NULL");
    }
    rows.push_back(r);
  });
  return rows;
}

}  // namespace sc::test

// connection.cpp — see connection.h.
#include "injector/sqlite/connection.h"

namespace sc::sqlite {

std::optional<Connection> Connection::open(const char* path, const char* vfs, std::string* error) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs);
  if (rc == SQLITE_OK) return Connection(db);
  *error = std::string("open: ") + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  sqlite3_close(db);
  return std::nullopt;
}

Connection::~Connection() { sqlite3_close(db_); }

void Connection::fail(const std::string& where) { error_ = where + ": " + sqlite3_errmsg(db_); }

bool Connection::exec(const std::string& sql) {
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK) return true;
  fail(sql);
  return false;
}

std::optional<std::string> Connection::query_column(const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    fail(sql);
    return std::nullopt;
  }
  std::string out;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    out += (out.empty() ? "" : "; ") + std::string(text ? text : "NULL");
  }
  if (rc != SQLITE_DONE) fail(sql);
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return std::nullopt;
  return out;
}

SeededRandomness::SeededRandomness(uint64_t seed) {
  sqlite3_test_control(SQLITE_TESTCTRL_PRNG_SEED, static_cast<int>(static_cast<uint32_t>(seed ^ (seed >> 32)) | 1u), static_cast<sqlite3*>(nullptr));
}

SeededRandomness::~SeededRandomness() {
  sqlite3_test_control(SQLITE_TESTCTRL_PRNG_SEED, 0, static_cast<sqlite3*>(nullptr));
}

}  // namespace sc::sqlite

// table_content.cpp — see table_content.h.
#include "injector/sqlite/table_content.h"

namespace sc::sqlite {

namespace {

constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

void mix(uint64_t* h, const void* data, size_t n) {
  const auto* bytes = static_cast<const uint8_t*>(data);
  for (size_t i = 0; i < n; ++i) *h = (*h ^ bytes[i]) * kFnvPrime;
}

void mix_row(uint64_t* h, int64_t id, const void* data, size_t n) {
  const uint64_t length = n;
  mix(h, &id, sizeof id);
  mix(h, &length, sizeof length);
  mix(h, data, n);
}

}  // namespace

uint64_t content_hash(const Rows& rows) {
  uint64_t h = kFnvBasis;
  for (const auto& [id, value] : rows) mix_row(&h, id, value.data(), value.size());
  return h;
}

std::optional<uint64_t> read_content(Connection& db) {
  const auto tables = db.query_column("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 't'");
  if (!tables) return std::nullopt;
  if (tables->empty()) return kNoTable;
  sqlite3_stmt* st = nullptr;
  const char* sql = "SELECT id, v FROM t ORDER BY id";
  if (sqlite3_prepare_v2(db.handle(), sql, -1, &st, nullptr) != SQLITE_OK) {
    db.fail(sql);
    return std::nullopt;
  }
  uint64_t h = kFnvBasis;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW)
    mix_row(&h, sqlite3_column_int64(st, 0), sqlite3_column_blob(st, 1),
            static_cast<size_t>(sqlite3_column_bytes(st, 1)));
  if (rc != SQLITE_DONE) db.fail(sql);
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return std::nullopt;
  return h;
}

}  // namespace sc::sqlite

// table_content.h — the workload's one table, t(id INTEGER PRIMARY KEY,
// v BLOB NOT NULL), as a logical model and as a content hash.
// The hash of a table is FNV-1a over its rows in id order (id, length,
// bytes); kNoTable is the hash of a database without the table (the state
// before anything was committed). read_content() computes the same hash from
// a live connection, so a crash image is compared with the model by value.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "injector/sqlite/connection.h"

namespace sc::sqlite {

using Rows = std::map<int64_t, std::vector<uint8_t>>;

constexpr uint64_t kNoTable = 0x6e6f2d7461626c65ULL;  // "no-table"

constexpr const char* kCreateTable = "CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB NOT NULL)";

uint64_t content_hash(const Rows& rows);

// The content hash of the table as `db` reads it (kNoTable without it), or
// nullopt with db.error() set if reading fails.
std::optional<uint64_t> read_content(Connection& db);

}  // namespace sc::sqlite
